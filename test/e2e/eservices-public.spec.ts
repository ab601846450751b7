import { expect, test, type Locator, type Page } from '@playwright/test';
import { eVisaDefinition } from '../../functions/modules/eservices';
import { expectAccessible } from './helpers';

/**
 * The citizens' public pages (issue 15): no login. The embedded default's demo1 publishes the
 * standard e-visa and social-assistance services on start. The application endpoints (uploads,
 * submit, status, confirm, payment, verify) are other slices': here the catalogue and the form
 * generated from the e-visa's definition, its client-side checks and the three languages.
 */
const evisa = eVisaDefinition({ routeTemplateId: 'unused' });
type Lang = 'az' | 'en' | 'ru';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A field by the start of its label (the label ends with "(required)" in the page's language). */
const field = (scope: Locator | Page, label: string) => scope.getByLabel(new RegExp(`^${escape(label)}`));

async function switchLanguage(page: Page, current: string, next: Lang) {
  await page.getByLabel(current, { exact: true }).selectOption(next);
  await expect(page.locator('html')).toHaveAttribute('lang', next);
}

test('the catalogue shows the agency’s services with their options, fees and terms, in az, en and ru', async ({
  page,
}) => {
  await page.goto('/e/?agency=demo1');
  await expect(page.getByRole('heading', { level: 1, name: 'Elektron xidmətlər' })).toBeVisible();
  const visa = page.getByRole('article', { name: 'Elektron viza' });
  await expect(visa).toBeVisible();
  await expect(visa.locator('[data-variant="standard"]')).toContainText('Standart');
  await expect(visa.locator('[data-variant="standard"]')).toContainText('20.00 USD');
  await expect(visa.locator('[data-variant="standard"]')).toContainText('3 iş günü');
  await expect(visa.locator('[data-variant="urgent"]')).toContainText('60.00 USD');
  await expect(visa.locator('[data-variant="urgent"]')).toContainText('3 saat');
  await expect(visa).toContainText('Bir müraciətdə 10 nəfərədək');
  const social = page.getByRole('article', { name: 'Ünvanlı dövlət sosial yardımı' });
  await expect(social).toContainText('Ödənişsiz');
  await expectAccessible(page, 'public catalogue');

  await switchLanguage(page, 'Dil', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'E-services' })).toBeVisible();
  const visaEn = page.getByRole('article', { name: 'Electronic visa' });
  await expect(visaEn.locator('[data-variant="standard"]')).toContainText('3 working day(s)');
  await expect(visaEn.locator('[data-variant="urgent"]')).toContainText('non-working days included');

  await switchLanguage(page, 'Language', 'ru');
  await expect(page.getByRole('heading', { level: 1, name: 'Электронные услуги' })).toBeVisible();
  await page.getByRole('link', { name: 'Подать заявление: Электронная виза' }).click();
  await expect(page).toHaveURL(/\/e\/service\/\?agency=demo1&code=e-visa$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Заявление: Электронная виза' })).toBeVisible();
});

test('an unknown agency gets the one not-found answer; no agency at all is said so', async ({ page }) => {
  await page.goto('/e/?agency=no-such-agency');
  await expect(page.getByRole('main').getByRole('alert')).toBeVisible();
  await expect(page.getByRole('article')).toHaveCount(0);
  await page.goto('/e/');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Qurum göstərilməyib');
  await expectAccessible(page, 'public catalogue without an agency');
});

test('the e-visa form is generated from its definition: every field with its label in each language, groups, client checks', async ({
  page,
}) => {
  await page.goto('/e/service/?agency=demo1&code=e-visa');
  await expect(page.getByRole('heading', { level: 1, name: 'Müraciət: Elektron viza' })).toBeVisible();

  const expectLabels = async (lang: Lang) => {
    const contact = page.getByRole('group', {
      name: { az: 'Əlaqə məlumatları', en: 'Contact details', ru: 'Контактные данные' }[lang],
      exact: true,
    });
    for (const f of evisa.form.common) await expect(field(contact, f.label[lang])).toBeVisible();
    const first = page.getByRole('group', {
      name: { az: 'Müraciətçi 1', en: 'Applicant 1', ru: 'Заявитель 1' }[lang],
      exact: true,
    });
    for (const f of evisa.form.applicant) await expect(field(first, f.label[lang])).toBeVisible();
  };
  await expectLabels('az');
  // Each type as its control: a choice and a country are lists, the file an upload.
  const first = page.getByRole('group', { name: 'Müraciətçi 1', exact: true });
  await expect(field(first, 'Cins')).toHaveJSProperty('tagName', 'SELECT');
  await expect(field(first, 'Vətəndaşlıq').locator('option[value="DEU"]')).toHaveText('Almaniya');
  await expect(field(first, 'Səfərin məqsədi').locator('option')).toHaveCount(9);
  await expect(field(first, 'Pasportun şəkilli səhifəsinin surəti')).toHaveAttribute('type', 'file');
  await expect(field(first, 'Pasportun şəkilli səhifəsinin surəti')).toHaveAttribute(
    'accept',
    'application/pdf,image/jpeg,image/png',
  );
  await expect(page.getByRole('radio', { name: /Standart — 20.00 USD — 3 iş günü/ })).toBeVisible();
  await expect(page.getByRole('radio', { name: /Təcili — 60.00 USD/ })).toBeVisible();
  await expectAccessible(page, 'e-visa form');

  // Sent empty: the form says so and marks every required field in the page's language
  await page.getByRole('button', { name: 'Müraciəti göndər' }).click();
  await expect(
    page.getByRole('main').getByRole('alert').filter({ hasText: 'Müraciət göndərilmədi' }),
  ).toBeVisible();
  await expect(field(first, 'Soyad (pasportdakı kimi)')).toHaveAttribute('aria-invalid', 'true');
  // The first field in error takes the focus: the option, the first control of the form
  await expect(page.getByRole('radio', { name: /Standart/ })).toBeFocused();
  await expect(page.getByText('Bu xananı doldurun.').first()).toBeVisible();
  await expect(page.getByRole('group', { name: /Xidmətin növü/ })).toContainText('Bu xananı doldurun.');
  await expectAccessible(page, 'e-visa form with errors');

  // Shapes and bounds are checked before anything is sent
  await field(page, 'E-poçt').fill('tour@');
  await field(first, 'Soyad (pasportdakı kimi)').fill('Мюллер');
  await field(first, 'Pasportun nömrəsi').fill('AB1');
  await field(first, 'Doğum tarixi').fill('31.02.1990');
  await field(first, 'Gəliş tarixi').fill('01.01.2020');
  await page.getByRole('button', { name: 'Müraciəti göndər' }).click();
  await expect(page.getByText('E-poçt ünvanı düzgün deyil.')).toBeVisible();
  await expect(first.getByText('Pasportdakı kimi latın hərfləri ilə yazın.')).toBeVisible();
  await expect(
    first.getByText('Pasport nömrəsi 5–20 latın hərfi və rəqəmdən ibarət olmalıdır.'),
  ).toBeVisible();
  await expect(first.getByText('Tarixi gg.aa.iiii şəklində yazın.')).toBeVisible();
  await expect(first.getByText(/^Tarix \d{2}\.\d{2}\.\d{4}-dən tez ola bilməz\.$/)).toBeVisible();
  await field(first, 'Soyad (pasportdakı kimi)').fill('Müller');
  await page.getByRole('button', { name: 'Müraciəti göndər' }).click();
  await expect(field(first, 'Soyad (pasportdakı kimi)')).not.toHaveAttribute('aria-invalid', 'true');

  // A group: applicants added up to ten, the fee counted per person, one removed
  await page.getByRole('radio', { name: /Standart/ }).check();
  await expect(page.getByText('Cəmi ödəniləcək: 20.00 USD')).toBeVisible();
  const add = page.getByRole('button', { name: 'Müraciətçi əlavə et' });
  for (let n = 2; n <= 10; n++) await add.click();
  await expect(page.getByRole('group', { name: 'Müraciətçi 10', exact: true })).toBeVisible();
  await expect(add).toBeDisabled();
  await expect(page.getByText('Cəmi ödəniləcək: 200.00 USD')).toBeVisible();
  await page.getByRole('button', { name: 'Müraciətçi 10-i sil' }).click();
  await expect(page.getByRole('group', { name: 'Müraciətçi 10', exact: true })).toHaveCount(0);
  await expect(add).toBeEnabled();
  await page.getByRole('radio', { name: /Təcili/ }).check();
  await expect(page.getByText('Cəmi ödəniləcək: 540.00 USD')).toBeVisible();
  await expectAccessible(page, 'e-visa form with a group');

  // The same form in English and Russian: labels, errors and options follow
  await switchLanguage(page, 'Dil', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Application: Electronic visa' })).toBeVisible();
  await expectLabels('en');
  await expect(
    field(page.getByRole('group', { name: 'Applicant 1', exact: true }), 'Nationality').locator(
      'option[value="DEU"]',
    ),
  ).toHaveText('Germany');
  await page.getByRole('button', { name: 'Send the application' }).click();
  await expect(page.getByText('The e-mail address is not valid.')).toBeVisible();
  await switchLanguage(page, 'Language', 'ru');
  await expect(page.getByRole('heading', { level: 1, name: 'Заявление: Электронная виза' })).toBeVisible();
  await expectLabels('ru');
  await expect(page.getByRole('radio', { name: /Срочная — 60.00 USD/ })).toBeVisible();
  await expectAccessible(page, 'e-visa form in Russian');
});

test('the status, confirmation and verify pages ask for what they need, accessibly', async ({ page }) => {
  await page.goto('/e/status/?agency=demo1&number=7K3M-9QX2-HT4B-W8RC');
  await expect(page.getByRole('heading', { level: 1, name: 'Müraciətin vəziyyəti' })).toBeVisible();
  await expect(field(page, 'Müraciətin nömrəsi')).toHaveValue('7K3M-9QX2-HT4B-W8RC');
  await page.getByRole('button', { name: 'Yoxla' }).click();
  await expect(field(page, 'Pasport nömrəsi və ya FİN')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'status look-up');

  await page.goto('/e/confirm/?agency=demo1&number=7K3M-9QX2-HT4B-W8RC');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Keçid natamamdır');
  await expectAccessible(page, 'confirmation without a token');

  await page.goto('/e/verify/');
  await expect(page.getByRole('heading', { level: 1, name: 'Elektron vizanın yoxlanılması' })).toBeVisible();
  await field(page, 'QR kodun mətni').fill('HC1:not-a-visa');
  await page.getByRole('button', { name: 'Yoxla' }).click();
  await expect(page.getByText('Bu, elektron vizanın kodu deyil: mətn AZV: ilə başlamalıdır.')).toBeVisible();
  await expectAccessible(page, 'verify page');
});

test('the social-assistance form: a list with rows added and removed, FİN, amounts in minor units, optional files', async ({
  page,
}) => {
  await page.goto('/e/service/?agency=demo1&code=social-assistance');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Müraciət: Ünvanlı dövlət sosial yardımı' }),
  ).toBeVisible();
  // The only (free) option is chosen already
  await expect(page.getByRole('radio', { name: /Standart — Ödənişsiz/ })).toBeChecked();
  await expect(page.getByText('Bu müraciət ödənişsizdir.')).toBeVisible();

  const household = page.getByRole('group', { name: 'Ailə üzvləri', exact: true });
  await expect(household.getByRole('group')).toHaveCount(0);
  await household.getByRole('button', { name: 'Sətir əlavə et: Ailə üzvləri' }).click();
  await household.getByRole('button', { name: 'Sətir əlavə et: Ailə üzvləri' }).click();
  const row2 = household.getByRole('group', { name: 'Ailə üzvləri: sətir 2', exact: true });
  await expect(field(row2, 'Soyadı, adı, atasının adı')).toBeVisible();
  await expect(field(row2, 'Qohumluq əlaqəsi')).toHaveJSProperty('tagName', 'SELECT');
  await field(row2, 'FİN').fill('12');
  await expectAccessible(page, 'social-assistance form with household rows');

  const applicant = page.getByRole('group', { name: 'Müraciətçi 1', exact: true });
  await field(applicant, 'Aylıq gəlir').fill('35000');
  await expect(applicant.getByText('= 350.00 AZN')).toBeVisible();
  await field(applicant, 'Aylıq gəlir').fill('350.50');
  await page.getByRole('button', { name: 'Müraciəti göndər' }).click();
  await expect(
    applicant.getByText('Məbləği xırda vahidlə tam ədəd kimi yazın, məsələn 25050.'),
  ).toBeVisible();
  await expect(row2.getByText('FİN 7 latın hərfi və rəqəmdən ibarətdir.')).toBeVisible();
  await expect(field(page, 'Digər sənədlər')).toHaveAttribute('multiple', '');
  await expect(page.getByRole('button', { name: 'Müraciətçi əlavə et' })).toHaveCount(0);

  await row2.getByRole('button', { name: 'Sətir 2-i sil: Ailə üzvləri' }).click();
  await expect(household.getByRole('group')).toHaveCount(1);
  await expectAccessible(page, 'social-assistance form with errors');
});
