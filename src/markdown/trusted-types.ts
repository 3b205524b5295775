/**
 * The little of the Trusted Types API the widget uses; lib.dom does not have it yet.
 * Shared by the block patcher and the sanitizer, which each create their own policy: a
 * policy name can be created only once per page.
 */
interface PolicyFactory {
  createPolicy<Rules extends object>(name: string, rules: Rules): unknown;
}

/**
 * Creates the policy `name` where the browser has Trusted Types; undefined where it has
 * none, or where the page refuses the name (said once in the console, naming it).
 */
export function createTrustedTypesPolicy<Policy>(name: string, rules: object): Policy | undefined {
  const factory = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
  if (typeof factory?.createPolicy !== 'function') return undefined;
  try {
    return factory.createPolicy(name, rules) as Policy;
  } catch (error) {
    // The name is missing from the page's `trusted-types` list, or another script took
    // it first and `'allow-duplicates'` is absent.
    console.error(
      `[tinytalk-widget] Could not create the Trusted Types policy "${name}": list it in the page's trusted-types directive.`,
      error,
    );
    return undefined;
  }
}
