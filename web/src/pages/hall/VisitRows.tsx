import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useRef } from "react";

export interface HallVisit {
  id: string;
  rank: number;
  uscc: string;
  name: string;
  teams: { department: string; matters: string[]; inspectors: string[] }[];
}

const ROW = 56;

/**
 * The drawn visits as they arrive: thousands of rows, so only the visible ones are in the DOM
 * (@tanstack/react-virtual); each row shows every department's matters and inspectors of the visit.
 * Memoised: the hall re-renders for other reasons (status, forms) without redrawing the rows.
 */
export const VisitRows = memo(function VisitRows({ visits }: { visits: HallVisit[] }) {
  const parent = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: visits.length, getScrollElement: () => parent.current, estimateSize: () => ROW, overscan: 10 });
  return (
    <div role="table" aria-label="抽中名单" aria-rowcount={visits.length} style={{ border: "1px solid #ddd" }}>
      <div role="row" style={{ display: "flex", fontWeight: 600, background: "#fafafa", padding: "8px 12px" }}>
        <span role="columnheader" style={{ width: 70 }}>
          序号
        </span>
        <span role="columnheader" style={{ width: 360 }}>
          市场主体
        </span>
        <span role="columnheader" style={{ flex: 1 }}>
          各部门事项与检查人员
        </span>
      </div>
      <div
        ref={parent}
        role="rowgroup"
        data-testid="hall-rows"
        style={{ height: 480, overflow: "auto" }}
        tabIndex={0}
        aria-label="抽中名单（可滚动）"
      >
        <div role="presentation" style={{ height: v.getTotalSize(), position: "relative" }}>
          {v.getVirtualItems().map((item) => {
            const visit = visits[item.index]!;
            return (
              <div
                key={visit.id}
                role="row"
                aria-rowindex={item.index + 2}
                style={{
                  position: "absolute",
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW,
                  transform: `translateY(${item.start}px)`,
                  display: "flex",
                  padding: "4px 12px",
                  borderTop: "1px solid #eee",
                  overflow: "hidden",
                }}
              >
                <span role="cell" style={{ width: 70 }}>
                  {visit.rank}
                </span>
                <span role="cell" style={{ width: 360 }}>
                  {visit.name}
                  <br />
                  <small>{visit.uscc}</small>
                </span>
                <span role="cell" style={{ flex: 1, fontSize: 13 }}>
                  {visit.teams.map((t) => (
                    <div key={t.department}>
                      {t.department}：{t.matters.join("、")}（{t.inspectors.join("、") || "—"}）
                    </div>
                  ))}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
});
