/**
 * The CMS of a PAdES signature (ETSI.CAdES.detached, RFC 5652): SignedData without content, one
 * SignerInfo with the signed attributes content-type, message-digest (SHA-256 of the PDF's byte
 * ranges) and signing-certificate-v2 (RFC 5035, the SHA-256 of the signer's certificate), signed
 * ECDSA P-256 with SHA-256 by a key that stays in KMS; the signer's and the CA's certificates.
 */
import { createHash, createPublicKey, verify as verifySignature, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { buffer, ECDSA_WITH_SHA256, SHA256, type DigestSigner } from './x509';

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const;

/** The signed attributes as signed: DER of the SET (the [0] IMPLICIT tag turned into SET OF). */
function signedAttributesDer(attrs: pkijs.SignedAndUnsignedAttributes): Uint8Array {
  const der = new Uint8Array(attrs.toSchema().toBER(false));
  der[0] = 0x31;
  return der;
}

/** The signed attributes as they were received (their own encoding), tagged as SET OF. */
function signedAsStored(attrs: pkijs.SignedAndUnsignedAttributes): Uint8Array {
  if (attrs.encodedValue.byteLength === 0) return signedAttributesDer(attrs);
  const der = new Uint8Array(attrs.encodedValue.slice(0));
  der[0] = 0x31;
  return der;
}

export interface CmsRequest {
  /** SHA-256 of the signed bytes (the PDF's byte ranges). */
  digest: Uint8Array;
  /** The signer's certificate (DER) and the chain above it (the CA's). */
  certificate: Uint8Array;
  chain: Uint8Array[];
  sign: DigestSigner;
}

/** DER: a tag, its length and contents. */
function tlv(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const length = parts.reduce((n, p) => n + p.length, 0);
  const len: number[] = [];
  if (length < 0x80) len.push(length);
  else {
    for (let n = length; n > 0; n = Math.floor(n / 256)) len.unshift(n % 256);
    len.unshift(0x80 | len.length);
  }
  return Buffer.concat([Uint8Array.of(tag, ...len), ...parts]);
}

const seq = (...parts: Uint8Array[]) => tlv(0x30, ...parts);
const octets = (bytes: Uint8Array) => tlv(0x04, bytes);

/** DER of an OBJECT IDENTIFIER. */
function oid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  const out: number[] = [];
  for (const arc of [arcs[0]! * 40 + arcs[1]!, ...arcs.slice(2)]) {
    const bytes = [arc & 0x7f];
    for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128)) bytes.unshift(0x80 | (n & 0x7f));
    out.push(...bytes);
  }
  return tlv(0x06, Uint8Array.from(out));
}

/** A DER SET OF: its elements in the order of their encodings. */
const setOf = (tag: number, elements: Uint8Array[]) =>
  tlv(tag, ...[...elements].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));

/** The issuer Name and serialNumber of a certificate, as encoded in it (IssuerAndSerialNumber). */
function issuerAndSerial(certificate: Uint8Array): Uint8Array {
  const cert = asn1js.fromBER(buffer(certificate)).result as asn1js.Sequence;
  const tbs = (cert.valueBlock.value[0] as asn1js.Sequence).valueBlock.value;
  const at = tbs[0]!.idBlock.tagClass === 3 ? 1 : 0; // [0] version present
  const der = (b: asn1js.AsnType) => new Uint8Array(b.toBER(false));
  return seq(der(tbs[at + 2]!), der(tbs[at]!));
}

/**
 * A detached CMS SignedData (DER) over the digest, signed through `sign`. Written directly as DER
 * (the certificates as they are): pkijs' object model took several milliseconds per signature,
 * more than the KMS round trip; it still reads CMS for verification.
 */
export async function buildCms(request: CmsRequest): Promise<Uint8Array> {
  const certHash = createHash('sha256').update(request.certificate).digest();
  const attributes = [
    seq(oid(OID.contentType), setOf(0x31, [oid(OID.data)])),
    seq(oid(OID.messageDigest), setOf(0x31, [octets(request.digest)])),
    // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; ESSCertIDv2 with the
    // default hash algorithm (SHA-256) left out.
    seq(oid(OID.signingCertificateV2), setOf(0x31, [seq(seq(seq(octets(certHash))))])),
  ];
  const signedAttrs = setOf(0x31, attributes);
  const signature = await request.sign(createHash('sha256').update(signedAttrs).digest());
  const sha256 = seq(oid(SHA256));
  const signerInfo = seq(
    tlv(0x02, Uint8Array.of(1)),
    issuerAndSerial(request.certificate),
    sha256,
    tlv(0xa0, signedAttrs.subarray(signedAttrs[1]! < 0x80 ? 2 : 2 + (signedAttrs[1]! & 0x7f))),
    seq(oid(ECDSA_WITH_SHA256)),
    octets(signature),
  );
  const signedData = seq(
    tlv(0x02, Uint8Array.of(1)),
    tlv(0x31, sha256),
    seq(oid(OID.data)),
    tlv(0xa0, request.certificate, ...request.chain),
    tlv(0x31, signerInfo),
  );
  return seq(oid(OID.signedData), tlv(0xa0, signedData));
}

/** What a CMS says and whether it holds, for the digest of the bytes it claims to cover. */
export interface CmsCheck {
  /** The signature over the signed attributes verifies with the signer certificate's key. */
  signatureValid: boolean;
  /** The message-digest attribute equals the digest of the covered bytes. */
  digestMatches: boolean;
  /** The signing-certificate-v2 attribute names the signer's certificate by its SHA-256. */
  signingCertificateMatches: boolean;
  /** The signer's certificate (DER) and the other certificates carried. */
  certificate?: Uint8Array;
  others: Uint8Array[];
}

function attribute(attrs: pkijs.SignedAndUnsignedAttributes | undefined, type: string) {
  return attrs?.attributes.find((a) => a.type === type)?.values[0];
}

/** Checks a detached CMS SignedData against the SHA-256 of the bytes it covers. */
export function checkCms(cms: Uint8Array, digest: Uint8Array): CmsCheck {
  const none: CmsCheck = {
    signatureValid: false,
    digestMatches: false,
    signingCertificateMatches: false,
    others: [],
  };
  let signedData: pkijs.SignedData;
  try {
    const info = pkijs.ContentInfo.fromBER(buffer(cms));
    if (info.contentType !== OID.signedData) return none;
    signedData = new pkijs.SignedData({ schema: info.content });
  } catch {
    return none;
  }
  const signer = signedData.signerInfos[0];
  const certs = (signedData.certificates ?? []).filter(
    (c): c is pkijs.Certificate => c instanceof pkijs.Certificate,
  );
  const sid = signer?.sid instanceof pkijs.IssuerAndSerialNumber ? signer.sid : undefined;
  const own = certs.find(
    (c) => sid && c.serialNumber.isEqual(sid.serialNumber) && c.issuer.isEqual(sid.issuer),
  );
  if (!signer || !own) return none;
  const certificate = new Uint8Array(own.toSchema().toBER(false));
  const others = certs.filter((c) => c !== own).map((c) => new Uint8Array(c.toSchema().toBER(false)));
  const md = attribute(signer.signedAttrs, OID.messageDigest);
  const digestMatches =
    md instanceof asn1js.OctetString && Buffer.from(md.valueBlock.valueHexView).equals(Buffer.from(digest));
  const ess = attribute(signer.signedAttrs, OID.signingCertificateV2);
  const certHash = (() => {
    try {
      const first = ((ess as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence).valueBlock
        .value[0] as asn1js.Sequence;
      const hash = first.valueBlock.value.find((v) => v instanceof asn1js.OctetString) as asn1js.OctetString;
      return Buffer.from(hash.valueBlock.valueHexView);
    } catch {
      return undefined;
    }
  })();
  const signingCertificateMatches = !!certHash?.equals(createHash('sha256').update(certificate).digest());
  let signatureValid = false;
  if (signer.signedAttrs && signer.signatureAlgorithm.algorithmId === ECDSA_WITH_SHA256) {
    try {
      const key = createPublicKey({
        key: Buffer.from(new X509Certificate(certificate).publicKey.export({ format: 'der', type: 'spki' })),
        format: 'der',
        type: 'spki',
      });
      signatureValid = verifySignature(
        'sha256',
        signedAsStored(signer.signedAttrs),
        { key, dsaEncoding: 'der' },
        new Uint8Array(signer.signature.valueBlock.valueHexView),
      );
    } catch {
      signatureValid = false;
    }
  }
  return { signatureValid, digestMatches, signingCertificateMatches, certificate, others };
}
