import type { CSSProperties, ReactNode } from "react";

export interface PlainColumn<T> {
  title: string;
  render: (row: T) => ReactNode;
  /** Long texts (legal basis, content) wrap within this width instead of stretching the table. */
  maxWidth?: number;
}

const cell: CSSProperties = { padding: "8px", borderBottom: "1px solid #f0f0f0", textAlign: "left", verticalAlign: "top" };
const head: CSSProperties = { ...cell, background: "#fafafa", fontWeight: 600, whiteSpace: "nowrap" };

/**
 * A read-only table as plain HTML, for the public portal only. Why not Ant Design's Table: it brings its
 * sorter, filter tree, selection, pagination and select along (about 60 KB gzip), which alone broke the
 * portal's first-load budget (docs/performance.md, "Web"); the portal's lists are short, read-only and
 * capped by their queries, so they need none of it. Every other page keeps Ant Design's Table.
 */
export function PlainTable<T>({
  label,
  rows,
  rowKey,
  columns,
}: {
  label: string;
  rows: readonly T[];
  rowKey: (row: T) => string;
  columns: PlainColumn<T>[];
}) {
  if (rows.length === 0) return <p style={{ color: "rgba(0, 0, 0, 0.68)", textAlign: "center", margin: 16 }}>暂无数据</p>;
  return (
    // A scrollable region must be reachable from the keyboard (axe: scrollable-region-focusable).
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: "auto" }}>
      <table style={{ width: "100%", borderCollapse: "collapse", fontSize: 14 }}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.title} scope="col" style={head}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)}>
              {columns.map((c) => (
                <td key={c.title} style={c.maxWidth ? { ...cell, maxWidth: c.maxWidth, minWidth: 160 } : cell}>
                  {c.render(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
