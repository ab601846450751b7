/**
 * The largest request body the API takes (JSON, after base64 decoding): a bigger one is a 413.
 * The web ACL (infra/aws/edge-stack.ts) refuses bodies above the same size before they reach the API.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
