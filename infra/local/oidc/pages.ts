/**
 * Localized HTML of the local identity provider's interactions: login, logout confirmation, logged
 * out, error. Azerbaijani by default; English and Russian chosen by `ui_locales`, a `lang` query
 * parameter (the language links on the page) or Accept-Language. Plain forms, no JavaScript needed.
 */
export const LOCALES = ['az', 'en', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

const TEXT = {
  az: {
    language: 'Dil',
    loginTitle: 'Kargüzar — giriş',
    loginHeading: 'Sistemə daxil olun',
    username: 'İstifadəçi adı',
    password: 'Şifrə',
    signIn: 'Daxil ol',
    cancel: 'İmtina et',
    invalidCredentials: 'İstifadəçi adı və ya şifrə yanlışdır.',
    missingCredentials: 'İstifadəçi adını və şifrəni daxil edin.',
    totpTitle: 'Kargüzar — iki mərhələli giriş',
    totpHeading: 'İki mərhələli giriş',
    totpHint: 'Autentifikator tətbiqinizin göstərdiyi 6 rəqəmli kodu daxil edin.',
    totpCode: 'Kod',
    totpVerify: 'Təsdiqlə',
    invalidCode: 'Kod yanlışdır və ya vaxtı keçib.',
    tooManyCodes: 'Çox sayda yanlış kod daxil edildi; yenidən daxil olun.',
    logoutTitle: 'Kargüzar — çıxış',
    logoutQuestion: 'Sistemdən çıxmaq istəyirsiniz?',
    logoutYes: 'Bəli, çıx',
    logoutNo: 'Xeyr',
    loggedOut: 'Siz sistemdən çıxdınız.',
    errorTitle: 'Xəta baş verdi',
    errorHint: 'Tətbiqə qayıdın və yenidən cəhd edin.',
  },
  en: {
    language: 'Language',
    loginTitle: 'Kargüzar — sign in',
    loginHeading: 'Sign in',
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    cancel: 'Cancel',
    invalidCredentials: 'Wrong username or password.',
    missingCredentials: 'Enter your username and password.',
    totpTitle: 'Kargüzar — two-step sign-in',
    totpHeading: 'Two-step sign-in',
    totpHint: 'Enter the 6-digit code your authenticator app shows.',
    totpCode: 'Code',
    totpVerify: 'Verify',
    invalidCode: 'The code is wrong or has expired.',
    tooManyCodes: 'Too many wrong codes; sign in again.',
    logoutTitle: 'Kargüzar — sign out',
    logoutQuestion: 'Do you want to sign out?',
    logoutYes: 'Yes, sign out',
    logoutNo: 'No',
    loggedOut: 'You have signed out.',
    errorTitle: 'Something went wrong',
    errorHint: 'Go back to the application and try again.',
  },
  ru: {
    language: 'Язык',
    loginTitle: 'Kargüzar — вход',
    loginHeading: 'Вход в систему',
    username: 'Имя пользователя',
    password: 'Пароль',
    signIn: 'Войти',
    cancel: 'Отмена',
    invalidCredentials: 'Неверное имя пользователя или пароль.',
    missingCredentials: 'Введите имя пользователя и пароль.',
    totpTitle: 'Kargüzar — двухэтапный вход',
    totpHeading: 'Двухэтапный вход',
    totpHint: 'Введите 6-значный код из приложения-аутентификатора.',
    totpCode: 'Код',
    totpVerify: 'Подтвердить',
    invalidCode: 'Код неверен или устарел.',
    tooManyCodes: 'Слишком много неверных кодов; войдите снова.',
    logoutTitle: 'Kargüzar — выход',
    logoutQuestion: 'Выйти из системы?',
    logoutYes: 'Да, выйти',
    logoutNo: 'Нет',
    loggedOut: 'Вы вышли из системы.',
    errorTitle: 'Произошла ошибка',
    errorHint: 'Вернитесь в приложение и попробуйте ещё раз.',
  },
} satisfies Record<Locale, Record<string, string>>;

export type Messages = (typeof TEXT)['az'];

export function messages(locale: Locale): Messages {
  return TEXT[locale];
}

function asLocale(tag: string): Locale | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(primary ?? '') ? (primary as Locale) : undefined;
}

/** Order: explicit choice (`lang`), then `ui_locales` (space-separated), then Accept-Language by q. */
export function pickLocale(input: {
  lang?: string | null;
  uiLocales?: unknown;
  acceptLanguage?: string | undefined;
}): Locale {
  if (input.lang) {
    const chosen = asLocale(input.lang);
    if (chosen) return chosen;
  }
  if (typeof input.uiLocales === 'string') {
    for (const tag of input.uiLocales.split(/\s+/)) {
      const l = asLocale(tag);
      if (l) return l;
    }
  }
  if (input.acceptLanguage) {
    const ranked = input.acceptLanguage
      .split(',')
      .map((part, index) => {
        const [tag = '', ...params] = part.split(';');
        const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
        return { tag, q: q ? Number(q.slice(2)) || 0 : 1, index };
      })
      .filter((x) => x.q > 0)
      .sort((a, b) => b.q - a.q || a.index - b.index);
    for (const { tag } of ranked) {
      const l = asLocale(tag);
      if (l) return l;
    }
  }
  return 'az';
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;background:#f4f6f8;color:#1b1f24}
main{max-width:24rem;margin:10vh auto;padding:2rem;background:#fff;border:1px solid #d0d7de;border-radius:8px}
h1{font-size:1.4rem;margin:0 0 1.25rem}label{display:block;font-weight:600;margin:1rem 0 .3rem}
input{width:100%;padding:.6rem;font-size:1rem;border:1px solid #57606a;border-radius:4px}
input:focus,button:focus,a:focus{outline:3px solid #0969da;outline-offset:2px}
.actions{display:flex;gap:.75rem;margin-top:1.5rem}
button{padding:.6rem 1.2rem;font-size:1rem;border-radius:4px;border:1px solid #1f6feb;background:#0b5cd5;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0b5cd5}
.error{color:#a40e26;background:#ffebe9;border:1px solid #ff818266;padding:.6rem;border-radius:4px}
nav{max-width:24rem;margin:1rem auto;text-align:right;font-size:.9rem}nav a{margin-left:.6rem;color:#0b5cd5}
`;

export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";

function layout(locale: Locale, title: string, body: string, extraHead = ''): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>${extraHead}
</head>
<body>
${body}
</body>
</html>`;
}

function languageLinks(locale: Locale, basePath: string): string {
  const names: Record<Locale, string> = { az: 'Azərbaycanca', en: 'English', ru: 'Русский' };
  const links = LOCALES.map((l) =>
    l === locale
      ? `<a href="${escapeHtml(basePath)}?lang=${l}" lang="${l}" aria-current="true">${names[l]}</a>`
      : `<a href="${escapeHtml(basePath)}?lang=${l}" lang="${l}">${names[l]}</a>`,
  ).join('');
  return `<nav aria-label="${escapeHtml(TEXT[locale].language)}">${links}</nav>`;
}

export function loginPage(opts: {
  locale: Locale;
  action: string;
  abortAction: string;
  pagePath: string;
  username?: string;
  error?: 'invalid' | 'missing' | 'codes';
}): string {
  const t = TEXT[opts.locale];
  const errorText =
    opts.error === 'invalid'
      ? t.invalidCredentials
      : opts.error === 'missing'
        ? t.missingCredentials
        : opts.error === 'codes'
          ? t.tooManyCodes
          : '';
  const invalidAttrs = opts.error ? ' aria-invalid="true" aria-describedby="login-error"' : '';
  return layout(
    opts.locale,
    t.loginTitle,
    `${languageLinks(opts.locale, opts.pagePath)}
<main>
<h1>${escapeHtml(t.loginHeading)}</h1>
${errorText ? `<p class="error" id="login-error" role="alert">${escapeHtml(errorText)}</p>` : ''}
<form method="post" action="${escapeHtml(opts.action)}" novalidate>
<input type="hidden" name="lang" value="${opts.locale}">
<label for="username">${escapeHtml(t.username)}</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required${
      opts.username ? ` value="${escapeHtml(opts.username)}"` : ' autofocus'
    }${invalidAttrs}>
<label for="password">${escapeHtml(t.password)}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${opts.username ? ' autofocus' : ''}${invalidAttrs}>
<div class="actions"><button type="submit">${escapeHtml(t.signIn)}</button></div>
</form>
<form method="post" action="${escapeHtml(opts.abortAction)}">
<div class="actions"><button type="submit" class="secondary">${escapeHtml(t.cancel)}</button></div>
</form>
</main>`,
  );
}

/** The second step of a sign-in whose login has an authenticator (TOTP): one 6-digit code. */
export function totpPage(opts: {
  locale: Locale;
  action: string;
  abortAction: string;
  pagePath: string;
  error?: 'invalid';
}): string {
  const t = TEXT[opts.locale];
  const described = opts.error ? 'totp-error totp-hint' : 'totp-hint';
  return layout(
    opts.locale,
    t.totpTitle,
    `${languageLinks(opts.locale, opts.pagePath)}
<main>
<h1>${escapeHtml(t.totpHeading)}</h1>
${opts.error ? `<p class="error" id="totp-error" role="alert">${escapeHtml(t.invalidCode)}</p>` : ''}
<p id="totp-hint">${escapeHtml(t.totpHint)}</p>
<form method="post" action="${escapeHtml(opts.action)}" novalidate>
<input type="hidden" name="lang" value="${opts.locale}">
<label for="code">${escapeHtml(t.totpCode)}</label>
<input id="code" name="code" type="text" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" required autofocus aria-describedby="${described}"${opts.error ? ' aria-invalid="true"' : ''}>
<div class="actions"><button type="submit">${escapeHtml(t.totpVerify)}</button></div>
</form>
<form method="post" action="${escapeHtml(opts.abortAction)}">
<div class="actions"><button type="submit" class="secondary">${escapeHtml(t.cancel)}</button></div>
</form>
</main>`,
  );
}

/** The provider's own logout form (`form` carries its action and xsrf field); submitted on "yes". */
export function logoutPage(opts: { locale: Locale; form: string; autoSubmitNonce?: string }): string {
  const t = TEXT[opts.locale];
  // The provider's form has id "op.logoutForm"; the buttons submit it with or without logout=yes.
  const script = opts.autoSubmitNonce
    ? `<script nonce="${opts.autoSubmitNonce}">document.addEventListener('DOMContentLoaded',function(){var f=document.getElementById('op.logoutForm');var i=document.createElement('input');i.type='hidden';i.name='logout';i.value='yes';f.appendChild(i);f.submit();});</script>`
    : '';
  return layout(
    opts.locale,
    t.logoutTitle,
    `<main>
${opts.form}
<h1>${escapeHtml(t.logoutQuestion)}</h1>
<div class="actions">
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>${escapeHtml(t.logoutYes)}</button>
<button type="submit" form="op.logoutForm" class="secondary">${escapeHtml(t.logoutNo)}</button>
</div>
</main>`,
    script,
  );
}

export function loggedOutPage(locale: Locale): string {
  const t = TEXT[locale];
  return layout(locale, t.logoutTitle, `<main><h1 role="status">${escapeHtml(t.loggedOut)}</h1></main>`);
}

export function errorPage(locale: Locale, error: { error: string; error_description?: string }): string {
  const t = TEXT[locale];
  return layout(
    locale,
    t.errorTitle,
    `<main><h1>${escapeHtml(t.errorTitle)}</h1>
<p role="alert"><code>${escapeHtml(error.error)}</code>${error.error_description ? ` — ${escapeHtml(error.error_description)}` : ''}</p>
<p>${escapeHtml(t.errorHint)}</p></main>`,
  );
}
