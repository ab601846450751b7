'use client';

import { useRef } from 'react';

export interface TabDef {
  id: string;
  label: string;
  render: () => React.ReactNode;
}

/**
 * WAI-ARIA tabs: a tablist of buttons (arrow keys, Home, End move and select; only the selected
 * tab is in the tab order) and one panel per tab. Hidden panels stay in the DOM empty, so every
 * aria-controls points at an element; only the selected panel renders (and loads) its content.
 */
export function Tabs({
  label,
  tabs,
  selected,
  onSelect,
  idPrefix = 'doc-tab',
}: {
  label: string;
  tabs: TabDef[];
  selected: string;
  onSelect: (id: string) => void;
  idPrefix?: string;
}) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const move = (from: number, delta: number | 'first' | 'last') => {
    const index =
      delta === 'first' ? 0 : delta === 'last' ? tabs.length - 1 : (from + delta + tabs.length) % tabs.length;
    const tab = tabs[index];
    if (!tab) return;
    onSelect(tab.id);
    refs.current[tab.id]?.focus();
  };
  const onKeyDown = (i: number) => (e: React.KeyboardEvent) => {
    const keys: Record<string, number | 'first' | 'last'> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      Home: 'first',
      End: 'last',
    };
    const delta = keys[e.key];
    if (delta === undefined) return;
    e.preventDefault();
    move(i, delta);
  };
  return (
    <div className="doc-tabs">
      <div role="tablist" aria-label={label} className="doc-tablist">
        {tabs.map((tab, i) => {
          const active = tab.id === selected;
          return (
            <button
              key={tab.id}
              ref={(el) => {
                refs.current[tab.id] = el;
              }}
              type="button"
              role="tab"
              id={`${idPrefix}-${tab.id}`}
              aria-selected={active}
              aria-controls={`${idPrefix}-panel-${tab.id}`}
              tabIndex={active ? 0 : -1}
              className={active ? 'doc-tab active' : 'doc-tab'}
              onClick={() => onSelect(tab.id)}
              onKeyDown={onKeyDown(i)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {tabs.map((tab) => {
        const active = tab.id === selected;
        return (
          <div
            key={tab.id}
            role="tabpanel"
            id={`${idPrefix}-panel-${tab.id}`}
            aria-labelledby={`${idPrefix}-${tab.id}`}
            hidden={!active}
            tabIndex={active ? 0 : -1}
            className="doc-tabpanel"
          >
            {active ? tab.render() : null}
          </div>
        );
      })}
    </div>
  );
}
