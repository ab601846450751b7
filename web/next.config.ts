import type { NextConfig } from 'next';

// Static export: the gateway (local) or CloudFront (AWS) serves web/out on the same origin as the
// API (/api/v1) and the OIDC issuer, so the app fetches everything client-side at runtime.
const config: NextConfig = {
  output: 'export',
  trailingSlash: true,
  images: { unoptimized: true },
  reactStrictMode: true,
  poweredByHeader: false,
};

export default config;
