import { SigningPolicyError, signUpload } from '@kumo/server/signing';
import express from 'express';

const policy = {
  cloudName: process.env.KUMO_CLOUD,
  apiKey: process.env.KUMO_API_KEY,
  apiSecret: process.env.KUMO_API_SECRET,
  folder: 'user-uploads',
};

export const app = express();

app.post('/api/sign', express.json(), async (req, res) => {
  // Check your user's session here before signing anything.
  try {
    res.json(await signUpload(req.body.params_to_sign ?? req.body, policy));
  } catch (error) {
    if (!(error instanceof SigningPolicyError)) throw error;
    res.status(error.status).json({ error: { message: error.message } });
  }
});
