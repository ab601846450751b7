import { notFound } from 'next/navigation';
import { ReferenceListEditor } from '../../../../features/reference/list-editor';
import { referenceLists, type ReferenceListName } from '../../../../ui/shell/nav';

export const dynamicParams = false;

export function generateStaticParams() {
  return referenceLists.map((list) => ({ list }));
}

export default async function ReferenceListPage({ params }: { params: Promise<{ list: string }> }) {
  const { list } = await params;
  if (!(referenceLists as readonly string[]).includes(list)) notFound();
  return <ReferenceListEditor list={list as ReferenceListName} />;
}
