/** How much attachment content a deployment keeps: per file, and in all per organisation. */
export interface AttachmentLimits {
  perFileBytes: number;
  perOrganisationBytes: number;
}

export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = {
  perFileBytes: 25 * 1024 * 1024,
  perOrganisationBytes: 10 * 1024 * 1024 * 1024,
};
