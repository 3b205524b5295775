import base from './playwright.config.ts';
export default { ...base, testDir: '.', testMatch: process.env.PROBE ?? 'profile-probe.ts' };
