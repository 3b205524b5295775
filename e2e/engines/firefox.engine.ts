import { launchFirefox } from './firefox.ts';
import { defineScenarios } from './scenarios.ts';

defineScenarios('Firefox', launchFirefox);
