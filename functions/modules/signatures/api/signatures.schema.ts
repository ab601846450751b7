import * as z from 'zod';
import { id, versioned } from '../../../platform/http/common.schema';

export const singleFileParam = z.object({ id }).strict();

/** A rebuild names the document version it was asked for: a document changed since is a 409. */
export const rebuildSingleFileBody = z.object(versioned).strict();
export type RebuildSingleFileInput = z.infer<typeof rebuildSingleFileBody>;

const sha256 = z
  .string()
  .length(64)
  .regex(/^[0-9a-f]{64}$/);

/** The document's single electronic file: its SHA-256, pages, parts and a short-lived download link. */
export const singleFile = z
  .object({
    sha256,
    size: z.int(),
    pageCount: z.int(),
    textPages: z.int(),
    builtAt: z.iso.datetime(),
    /** Set once the document is signed: the file never changes afterwards. */
    frozenAt: z.iso.datetime().optional(),
    parts: z
      .array(
        z.object({
          contentId: id,
          fileName: z.string().max(255),
          contentType: z.string().max(200),
          sha256,
          kind: z.enum(['pdf', 'jpeg', 'png', 'tiff', 'embedded']),
          pages: z.int(),
        }),
      )
      .max(100),
    /** Electronic signatures on the file (the file served is the last one's revision). */
    signatures: z.int(),
    url: z.string().max(4000),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'SingleFile' });

/** The single file as printed: its page 1 stamped with the registration code and the copy marking. */
export const printFile = z
  .object({
    sha256,
    /** The single file it was stamped on: its bytes are the printed file's first bytes. */
    singleFileSha256: sha256,
    size: z.int(),
    pageCount: z.int(),
    requisites: z.object({
      organization: z.string().max(1000),
      legalAddress: z.string().max(1000),
      registrationNumber: z.string().max(100),
      registrationDate: z.string().max(10),
    }),
    copy: z.object({
      words: z.string().max(100),
      createdAt: z.string().max(10),
      system: z.string().max(100),
    }),
    url: z.string().max(4000),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'PrintFile' });

const checked = z.boolean();

/** One signature of the single file as verified. */
const signatureVerification = z.object({
  fieldName: z.string().max(200),
  subFilter: z.string().max(100),
  /** /ByteRange: offset and length of the two signed ranges. */
  byteRange: z.array(z.int()).max(4),
  coversRevision: checked,
  coversWholeFile: checked,
  integrity: checked,
  chain: checked,
  authority: checked,
  valid: checked,
  signer: z.object({
    subject: z.string().max(2000),
    issuer: z.string().max(2000),
    serialNumber: z.string().max(100),
    notAfter: z.string().max(40),
  }),
  signerName: z.string().max(300).optional(),
  right: z.enum(['endorse', 'sign']).optional(),
  positionTitle: z.string().max(500).optional(),
  onBehalfOf: id.optional(),
  onBehalfOfName: z.string().max(300).optional(),
  signedAt: z.iso.datetime().optional(),
});

/** The verification of a document's single file (Decree 935 §144.4, §145). */
export const fileVerification = z
  .object({
    sha256,
    size: z.int(),
    valid: checked,
    ca: z.object({ subject: z.string().max(2000), fingerprint: sha256 }).optional(),
    requisites: z
      .array(
        z.object({
          requisite: z.enum([
            'organization',
            'documentKind',
            'summary',
            'registrationNumber',
            'registrationDate',
            'signatory',
            'addressee',
          ]),
          present: checked,
        }),
      )
      .max(20),
    signatures: z.array(signatureVerification).max(100),
  })
  .meta({ id: 'SingleFileVerification' });
