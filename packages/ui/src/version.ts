/** The version of this copy of `@kumo/ui`, named in duplicate-registration warnings. Kept equal to package.json by a test. */
export const version = '0.1.0';
