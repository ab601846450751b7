import { pickText, type Locale } from '../../lib/i18n';
import { buildTree, flattenTree } from '../../lib/tree';
import type { Department, Position } from '../../api/contract';

/** Department options in tree order, indented by depth. */
export function departmentOptions(departments: Department[], locale: Locale) {
  const label = (d: Department) => pickText(d.name, locale);
  return flattenTree(buildTree(departments, (a, b) => label(a).localeCompare(label(b), locale))).map(
    ({ item, depth }) => ({ value: item.id, label: `${'— '.repeat(depth)}${label(item)}` }),
  );
}

export function positionLabel(p: Position, departments: Department[], locale: Locale): string {
  const dept = departments.find((d) => d.id === p.departmentId);
  const title = pickText(p.title, locale);
  return dept ? `${title} — ${pickText(dept.name, locale)}` : title;
}
