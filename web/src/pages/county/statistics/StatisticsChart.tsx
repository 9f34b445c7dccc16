import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

// Only the parts used, in this page's own chunk.
echarts.use([BarChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export interface FigureSeries {
  name: string;
  data: (number | null)[];
  /** Target value per category; each distinct target is drawn as a dashed line (e.g. 70 % / 50 %). */
  targets?: number[];
}

/**
 * Grouped bars per department; `percent` shows values 0–1 as percentages. `label` describes the chart for screen
 * readers (the chart itself is an image); the page shows the same figures in a table.
 */
export function FigureChart({
  categories,
  series,
  label,
  percent = false,
}: {
  categories: string[];
  series: FigureSeries[];
  label: string;
  percent?: boolean;
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = echarts.init(el.current!, undefined, { renderer: "svg" });
    const fmt = (v: number) => (percent ? `${Math.round(v * 100)}%` : String(v));
    chart.setOption({
      tooltip: { trigger: "axis", valueFormatter: (v: number | null) => (v === null ? "—" : fmt(v)) },
      legend: {},
      grid: { left: 48, right: 16, bottom: 32, top: 40 },
      xAxis: { type: "category", data: categories },
      yAxis: { type: "value", max: percent ? 1 : undefined, axisLabel: { formatter: fmt } },
      series: series.map((s) => ({
        name: s.name,
        type: "bar",
        data: s.data,
        markLine: s.targets
          ? {
              symbol: "none",
              label: { formatter: (p: { value: number }) => `目标 ${fmt(p.value)}` },
              // one dashed line per distinct target (70 % market supervision, 50 % the others)
              data: [...new Set(s.targets)].map((t) => ({ yAxis: t })),
              lineStyle: { type: "dashed", width: 3 },
            }
          : undefined,
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [categories, series, percent]);
  return <div ref={el} role="img" aria-label={label} style={{ height: 300 }} />;
}
