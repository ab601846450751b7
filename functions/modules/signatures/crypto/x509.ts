/**
 * X.509 certificates of the agency's CA and its signing officials, built with pkijs and signed by
 * a key that never leaves KMS: the TBSCertificate's SHA-256 goes to `sign` (KMS Sign, DIGEST,
 * ECDSA_SHA_256), whose DER ECDSA signature is the certificate's signature value as it is.
 */
import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';
export const SHA256 = '2.16.840.1.101.3.4.2.1';

/** Signs a 32-byte SHA-256 digest; returns a DER ECDSA signature (as KMS Sign does). */
export type DigestSigner = (digest: Uint8Array) => Promise<Uint8Array>;

export interface DistinguishedName {
  commonName: string;
  organization: string;
  /** ETSI EN 319 412-1 organizationIdentifier, e.g. VATAZ-1234567890 for the VÖEN. */
  organizationIdentifier?: string;
  title?: string;
  country?: string;
}

const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  title: '2.5.4.12',
  country: '2.5.4.6',
  organizationIdentifier: '2.5.4.97',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  subjectKeyIdentifier: '2.5.29.14',
  authorityKeyIdentifier: '2.5.29.35',
} as const;

/** The bytes as an ArrayBuffer of their own (what pkijs and asn1js read). */
export const buffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

type Value = asn1js.Utf8String | asn1js.PrintableString;

function rdn(name: DistinguishedName): pkijs.RelativeDistinguishedNames {
  const utf8 = (value: string): Value => new asn1js.Utf8String({ value });
  const entries: Array<[string, Value]> = [];
  if (name.country) entries.push([OID.country, new asn1js.PrintableString({ value: name.country })]);
  entries.push([OID.organization, utf8(name.organization)]);
  if (name.organizationIdentifier)
    entries.push([OID.organizationIdentifier, utf8(name.organizationIdentifier)]);
  if (name.title) entries.push([OID.title, utf8(name.title)]);
  entries.push([OID.commonName, utf8(name.commonName)]);
  // One attribute per RDN (pkijs would put them all in one multi-valued RDN).
  const sequence = new asn1js.Sequence({
    value: entries.map(
      ([type, value]) =>
        new asn1js.Set({ value: [new pkijs.AttributeTypeAndValue({ type, value }).toSchema()] }),
    ),
  });
  return pkijs.RelativeDistinguishedNames.fromBER(sequence.toBER(false));
}

/** The key identifier of a public key: SHA-1 of its subjectPublicKey bits (RFC 5280 §4.2.1.2 (1)). */
function keyIdentifier(spki: pkijs.PublicKeyInfo): Uint8Array {
  return createHash('sha1').update(new Uint8Array(spki.subjectPublicKey.valueBlock.valueHexView)).digest();
}

export interface IssueRequest {
  subject: DistinguishedName;
  /** DER SubjectPublicKeyInfo of the key certified (KMS GetPublicKey). */
  publicKey: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  ca: boolean;
  /** The issuer's certificate (DER); absent for a self-signed CA certificate. */
  issuer?: Uint8Array;
  /** The issuer's key. */
  sign: DigestSigner;
}

/**
 * A certificate's serial number from random bytes, as DER wants it (RFC 5280 §4.1.2.2): positive
 * (the top bit clear) and minimally encoded (the first byte not zero — OpenSSL, and so Node and
 * poppler, refuse an INTEGER padded with a needless zero byte). 126 random bits remain.
 */
export function certificateSerial(random: Uint8Array): Uint8Array {
  const serial = new Uint8Array(random);
  serial[0] = (serial[0]! & 0x3f) | 0x40;
  return serial;
}

/** A certificate signed through `sign` (DER). */
export async function issueCertificate(request: IssueRequest): Promise<Uint8Array> {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: buffer(certificateSerial(randomBytes(16))) });
  cert.subject = rdn(request.subject);
  cert.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(buffer(request.publicKey));
  const issuer = request.issuer ? pkijs.Certificate.fromBER(buffer(request.issuer)) : undefined;
  cert.issuer = issuer ? issuer.subject : cert.subject;
  cert.notBefore = new pkijs.Time({ type: 0, value: request.notBefore });
  cert.notAfter = new pkijs.Time({ type: 0, value: request.notAfter });
  const issuerKey = issuer ? issuer.subjectPublicKeyInfo : cert.subjectPublicKeyInfo;
  const extension = (id: string, critical: boolean, value: asn1js.BaseBlock) =>
    new pkijs.Extension({ extnID: id, critical, extnValue: value.toBER(false) });
  cert.extensions = [
    extension(
      OID.basicConstraints,
      true,
      new pkijs.BasicConstraints(request.ca ? { cA: true, pathLenConstraint: 0 } : { cA: false }).toSchema(),
    ),
    // CA: keyCertSign, cRLSign; official: digitalSignature, nonRepudiation (contentCommitment).
    extension(
      OID.keyUsage,
      true,
      request.ca
        ? new asn1js.BitString({ valueHex: new Uint8Array([0x06]).buffer, unusedBits: 1 })
        : new asn1js.BitString({ valueHex: new Uint8Array([0xc0]).buffer, unusedBits: 6 }),
    ),
    extension(
      OID.subjectKeyIdentifier,
      false,
      new asn1js.OctetString({ valueHex: buffer(keyIdentifier(cert.subjectPublicKeyInfo)) }),
    ),
    extension(
      OID.authorityKeyIdentifier,
      false,
      new pkijs.AuthorityKeyIdentifier({
        keyIdentifier: new asn1js.OctetString({ valueHex: buffer(keyIdentifier(issuerKey)) }),
      }).toSchema(),
    ),
  ];
  cert.signature = new pkijs.AlgorithmIdentifier({ algorithmId: ECDSA_WITH_SHA256 });
  cert.signatureAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: ECDSA_WITH_SHA256 });
  const tbs = new Uint8Array(cert.encodeTBS().toBER(false));
  cert.tbsView = tbs;
  const signature = await request.sign(createHash('sha256').update(tbs).digest());
  cert.signatureValue = new asn1js.BitString({ valueHex: buffer(signature) });
  return new Uint8Array(cert.toSchema().toBER(false));
}

/** A certificate's fields as the verification shows them. */
export interface CertificateInfo {
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  fingerprint256: string;
}

export function certificateInfo(der: Uint8Array): CertificateInfo {
  const x = new X509Certificate(der);
  return {
    subject: x.subject,
    issuer: x.issuer,
    serialNumber: x.serialNumber,
    notBefore: new Date(x.validFrom).toISOString(),
    notAfter: new Date(x.validTo).toISOString(),
    fingerprint256: x.fingerprint256.replace(/:/g, '').toLowerCase(),
  };
}

/** Whether `cert` was issued (signed) by `issuer`'s key and names it as issuer. */
export function issuedBy(cert: Uint8Array, issuer: Uint8Array): boolean {
  const c = new X509Certificate(cert);
  const i = new X509Certificate(issuer);
  return c.checkIssued(i) && c.verify(i.publicKey);
}

/** Whether the certificate was valid at a time. */
export function validAt(cert: Uint8Array, at: Date): boolean {
  const x = new X509Certificate(cert);
  return new Date(x.validFrom) <= at && at <= new Date(x.validTo);
}
