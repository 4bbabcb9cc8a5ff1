/** The player's tests use @kumo/ui's axe check under the name the tests read best with. */
export { expectNoAxeViolations as expectAccessible } from '@kumo/ui/testing/axe';
