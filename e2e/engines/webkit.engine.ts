import { defineScenarios } from './scenarios.ts';
import { launchWebKit } from './webkit.ts';

defineScenarios('WebKit', launchWebKit);
