'use client';

import { useEffect, useRef, useState } from 'react';
import { ApiError, publicApi } from '../../lib/api';
import { toDisplayDate } from '../../lib/dates';
import { useI18n } from '../../lib/i18n';
import { ErrorAlert, TextAreaField } from '../../ui/fields';
import { countryName } from './countries';
import { PublicShell } from './public-shell';
import type { VerifiedVisa } from './types';

export const VISA_CODE_PREFIX = 'AZV:';

/** The code as read or pasted: surrounding white space and line breaks dropped. */
export function cleanVisaCode(text: string): string {
  return text.replace(/[\r\n]+/g, '').trim();
}

interface Detector {
  detect(source: HTMLVideoElement): Promise<Array<{ rawValue: string }>>;
}
type DetectorClass = new (options: { formats: string[] }) => Detector;

/** The browser's QR reader where there is one (Chromium on Android, macOS); paste works everywhere. */
function barcodeDetector(): DetectorClass | undefined {
  return (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
}

/**
 * `/e/verify/`: the QR code of an e-visa checked by the API against the published key — pasted
 * (always) or scanned with the camera (where the browser has BarcodeDetector).
 */
export function VerifyPage() {
  const { t, locale } = useI18n();
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<VerifiedVisa>();
  const visa = result?.visa;
  const [failure, setFailure] = useState<{ title: string; detail?: string }>();
  const [busy, setBusy] = useState(false);
  const [canScan, setCanScan] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [cameraError, setCameraError] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);

  useEffect(() => setCanScan(Boolean(barcodeDetector() && navigator.mediaDevices?.getUserMedia)), []);

  const stop = () => {
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
    setScanning(false);
  };
  useEffect(() => stop, []);

  const verify = (text: string) => {
    const clean = cleanVisaCode(text);
    setResult(undefined);
    setFailure(undefined);
    if (!clean) {
      setErrors({ code: t('eservicesPublic.errors.required') });
      return;
    }
    if (!clean.startsWith(VISA_CODE_PREFIX)) {
      setErrors({ code: t('eservicesPublic.verify.notAzv') });
      return;
    }
    setErrors({});
    setBusy(true);
    publicApi<VerifiedVisa>('/evisa/verify', { method: 'POST', body: { code: clean } })
      .then(setResult)
      .catch((err: unknown) =>
        setFailure(
          err instanceof ApiError && err.status !== 0
            ? { title: err.problem.title || t('eservicesPublic.verify.invalid'), detail: err.problem.detail }
            : { title: err instanceof ApiError ? t('errors.network') : t('errors.unexpected') },
        ),
      )
      .finally(() => setBusy(false));
  };

  const scan = async () => {
    const Detector = barcodeDetector();
    if (!Detector) return;
    setCameraError(false);
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    } catch {
      setCameraError(true);
      return;
    }
    setScanning(true);
    const detector = new Detector({ formats: ['qr_code'] });
    const el = video.current;
    if (!el) return stop();
    el.srcObject = stream.current;
    await el.play().catch(() => undefined);
    const tick = async () => {
      if (!stream.current) return;
      const found = await detector.detect(el).catch(() => []);
      const text = found.find((f) => f.rawValue.startsWith(VISA_CODE_PREFIX))?.rawValue;
      if (text) {
        stop();
        setCode(text);
        verify(text);
        return;
      }
      window.setTimeout(() => void tick(), 250);
    };
    void tick();
  };

  return (
    <PublicShell title={t('eservicesPublic.verify.title')} current="verify">
      <h1>{t('eservicesPublic.verify.title')}</h1>
      <p className="lead">{t('eservicesPublic.verify.lead')}</p>
      <form
        noValidate
        className="eserv-verify"
        onSubmit={(e) => {
          e.preventDefault();
          verify(code);
        }}
      >
        <TextAreaField
          label={t('eservicesPublic.verify.code')}
          name="code"
          value={code}
          onChange={setCode}
          errors={errors}
          required
          rows={4}
        />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('eservicesPublic.verify.checking') : t('eservicesPublic.verify.check')}
          </button>
          {canScan ? (
            <button type="button" className="secondary" onClick={() => (scanning ? stop() : void scan())}>
              {scanning ? t('eservicesPublic.verify.stopScan') : t('eservicesPublic.verify.scan')}
            </button>
          ) : null}
        </div>
      </form>
      {cameraError ? <ErrorAlert title={t('eservicesPublic.verify.noCamera')} /> : null}
      <video
        ref={video}
        className="eserv-camera"
        hidden={!scanning}
        muted
        playsInline
        aria-label={t('eservicesPublic.verify.camera')}
      />
      {failure ? (
        <div className="alert alert-error" role="alert">
          <p className="alert-title">{t('eservicesPublic.verify.invalid')}</p>
          <p>{failure.title}</p>
          {failure.detail ? <p>{failure.detail}</p> : null}
        </div>
      ) : null}
      {result && visa ? (
        <section aria-labelledby="eserv-visa-title" className="eserv-visa">
          <p className="alert alert-success" role="status" id="eserv-visa-title">
            {t('eservicesPublic.verify.valid')}
          </p>
          <p
            className={`alert ${result.period === 'current' ? 'alert-success' : 'alert-error'}`}
            data-testid="visa-period"
          >
            {t(`eservicesPublic.verify.period.${result.period}`)}
          </p>
          <dl className="details">
            <dt>{t('eservicesPublic.verify.visaNumber')}</dt>
            <dd>{visa.visaNumber}</dd>
            <dt>{t('eservicesPublic.verify.name')}</dt>
            <dd>{[visa.surname, visa.givenNames].filter(Boolean).join(', ')}</dd>
            <dt>{t('eservicesPublic.verify.nationality')}</dt>
            <dd>{countryName(visa.nationality, locale)}</dd>
            <dt>{t('eservicesPublic.verify.passportNumber')}</dt>
            <dd>{visa.passportNumber}</dd>
            <dt>{t('eservicesPublic.verify.birthDate')}</dt>
            <dd>{toDisplayDate(visa.birthDate)}</dd>
            <dt>{t('eservicesPublic.verify.validity')}</dt>
            <dd>
              {t('eservicesPublic.verify.validityValue', {
                from: toDisplayDate(visa.validFrom),
                until: toDisplayDate(visa.validUntil),
              })}
            </dd>
            <dt>{t('eservicesPublic.verify.stay')}</dt>
            <dd>{t('eservicesPublic.verify.stayValue', { days: visa.maxStayDays })}</dd>
            <dt>{t('eservicesPublic.verify.entries')}</dt>
            <dd>
              {visa.entries === 1
                ? t('eservicesPublic.verify.single')
                : t('eservicesPublic.verify.multiple', { n: visa.entries })}
            </dd>
            <dt>{t('eservicesPublic.verify.agency')}</dt>
            <dd>{visa.agency}</dd>
            <dt>{t('eservicesPublic.verify.checkLine')}</dt>
            <dd className="eserv-number">{result.checkLine}</dd>
          </dl>
        </section>
      ) : null}
    </PublicShell>
  );
}
