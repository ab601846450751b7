import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { checkCms } from '../../../functions/modules/signatures/crypto/cms';
import { issuedBy, validAt } from '../../../functions/modules/signatures/crypto/x509';
import {
  positionWithRight,
  reasonOf,
  rightsOf,
} from '../../../functions/modules/signatures/domain/authority';
import { requisitesOf } from '../../../functions/modules/signatures/domain/requisites';
import { openIncremental, revisionEnds } from '../../../functions/modules/signatures/pdf/incremental';
import { appendSignature, pdfDate, readSignatures } from '../../../functions/modules/signatures/pdf/pades';
import { documentRecord } from '../../support/builders';
import { agency, AT, onePagePdf } from './pki';

describe('signing rights', () => {
  it('a head position signs and endorses, every other active position endorses, an inactive one nothing', () => {
    expect(rightsOf({ roles: ['head', 'approver'], active: true })).toEqual(['endorse', 'sign']);
    expect(rightsOf({ roles: ['executor'], active: true })).toEqual(['endorse']);
    expect(rightsOf({ roles: ['head'], active: false })).toEqual([]);
  });

  it('the right is exercised through the first of the official’s positions that carries it', () => {
    const positions = [
      { id: 'p1', roles: ['executor' as const], active: true },
      { id: 'p2', roles: ['head' as const], active: true },
    ];
    expect(positionWithRight(['p1', 'p2'], positions, 'sign')?.id).toBe('p2');
    expect(positionWithRight(['p1', 'p2'], positions, 'endorse')?.id).toBe('p1');
    expect(positionWithRight(['p1'], positions, 'sign')).toBeUndefined();
  });

  it('the reason names the right, the position and, for a substitute, on whose behalf', () => {
    expect(reasonOf('endorse', 'Hüquq şöbəsinin müdiri')).toBe('Viza — Hüquq şöbəsinin müdiri');
    expect(reasonOf('sign', 'Direktor', 'Əli Məmmədov')).toBe(
      'İmza — Direktor (Əli Məmmədov adından, əvəzedici kimi)',
    );
  });
});

describe('requisites (§145.2)', () => {
  it('an unregistered internal document without a signatory misses its number, date and signatory', () => {
    const doc = documentRecord('memo', { kind: 'internal', internal: {} });
    const missing = requisitesOf(doc, 'Agentlik')
      .filter((r) => !r.present)
      .map((r) => r.requisite);
    expect(missing).toEqual(['registrationNumber', 'registrationDate', 'signatory']);
  });

  it('an outgoing letter without recipients misses its addressee; without the agency, its organization', () => {
    const doc = documentRecord('letter', {
      kind: 'outgoing',
      outgoing: { signatoryId: 'e1', recipients: [], dispatches: [] },
    });
    const missing = requisitesOf(doc, undefined)
      .filter((r) => !r.present)
      .map((r) => r.requisite);
    expect(missing).toContain('addressee');
    expect(missing).toContain('organization');
  });
});

describe('incremental updates and PAdES signatures', () => {
  it('an update appends the changed objects only and keeps the bytes before it', async () => {
    const pdf = await onePagePdf();
    const update = await openIncremental(pdf);
    update.doc.setTitle('Yeni başlıq');
    const out = update.save();
    expect(Buffer.from(out.subarray(0, pdf.length)).equals(Buffer.from(pdf))).toBe(true);
    const ends = revisionEnds(out);
    expect(ends).toHaveLength(2);
    expect(ends[1]).toBe(out.length);
    expect((await PDFDocument.load(out)).getTitle()).toBe('Yeni başlıq');
    const tail = Buffer.from(out.subarray(pdf.length)).toString('latin1');
    expect(tail).toMatch(/\/Prev \d+/);
    expect(tail).not.toContain('/Type /Page ');
  });

  it('two signatures in two updates: each verifies over its own revision, the last over the whole file', async () => {
    const { certificate, official } = await agency();
    const a = await official('Əli Məmmədov');
    const b = await official('Günay Əliyeva');
    const first = await appendSignature(
      await onePagePdf(),
      { fieldName: 'Viza-1', name: 'Əli Məmmədov', reason: 'Viza', signingTime: AT },
      a.sign,
    );
    const second = await appendSignature(
      first.bytes,
      { fieldName: 'Imza-2', name: 'Günay Əliyeva', reason: 'İmza', signingTime: AT },
      b.sign,
    );

    const found = await readSignatures(second.bytes);

    expect(found.map((s) => s.fieldName)).toEqual(['Viza-1', 'Imza-2']);
    expect(found.map((s) => s.subFilter)).toEqual(['ETSI.CAdES.detached', 'ETSI.CAdES.detached']);
    expect(found[0]!.byteRange).toEqual(first.byteRange);
    expect(found.map((s) => [s.coversRevision, s.coversWholeFile])).toEqual([
      [true, false],
      [true, true],
    ]);
    expect(found[1]!.signingTime).toBe(pdfDate(AT));
    for (const s of found) {
      const check = checkCms(s.cms, s.digest);
      expect(check).toMatchObject({
        signatureValid: true,
        digestMatches: true,
        signingCertificateMatches: true,
      });
      expect(issuedBy(check.certificate!, certificate)).toBe(true);
      expect(check.others).toHaveLength(1);
    }
    expect(validAt(a.cert, new Date('2040-01-01T00:00:00Z'))).toBe(false);
  });

  it('a changed byte inside the signed ranges breaks the digest; bytes appended after keep the revision covered', async () => {
    const { official } = await agency();
    const a = await official('Əli Məmmədov');
    const { bytes } = await appendSignature(
      await onePagePdf(),
      { fieldName: 'Viza-1', name: 'Əli', reason: 'Viza', signingTime: AT },
      a.sign,
    );
    const tampered = new Uint8Array(bytes);
    const at = 20;
    tampered[at] = tampered[at]! ^ 0x01;
    const appended = new Uint8Array([...bytes, ...Buffer.from('\n% trailing comment\n')]);

    const [broken] = await readSignatures(tampered);
    const [extended] = await readSignatures(appended);

    expect(checkCms(broken!.cms, broken!.digest).digestMatches).toBe(false);
    expect(checkCms(extended!.cms, extended!.digest).digestMatches).toBe(true);
    expect(extended!.coversWholeFile).toBe(false);
  });

  it('the CMS of one signer does not verify as another’s: its signed attributes name its own certificate', async () => {
    const { official } = await agency();
    const a = await official('Əli Məmmədov');
    const digest = createHash('sha256').update('məzmun').digest();
    const cms = (await a.sign(digest)).slice();
    const check = checkCms(cms, createHash('sha256').update('başqa məzmun').digest());
    expect(check.signatureValid).toBe(true);
    expect(check.digestMatches).toBe(false);
    expect(checkCms(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]), digest).signatureValid).toBe(false);
  });
});
