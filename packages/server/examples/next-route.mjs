// app/api/sign/route.js in a Next.js app (App Router)
import { createSignHandler } from '@kumo/server/signing';

export const POST = createSignHandler({
  policy: {
    cloudName: process.env.KUMO_CLOUD,
    apiKey: process.env.KUMO_API_KEY,
    apiSecret: process.env.KUMO_API_SECRET,
    folder: 'user-uploads',
  },
  // Check the user's session here; returning false answers 401.
  authorize: async (request) => request.headers.has('cookie'),
});
