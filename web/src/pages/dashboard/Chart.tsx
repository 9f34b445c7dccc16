import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

// Only the parts used (tree-shaken), in the dashboard's own chunk: the public portal never loads them.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface Series {
  name: string;
  data: number[];
}

/** A stacked bar chart; `label` describes it for screen readers (the chart itself is an image). */
export function BarChartView({ categories, series, label }: { categories: string[]; series: Series[]; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = echarts.init(el.current!, undefined, { renderer: "svg" });
    chart.setOption({
      tooltip: { trigger: "axis" },
      legend: {},
      grid: { left: 48, right: 16, bottom: 32, top: 40 },
      xAxis: { type: "category", data: categories },
      yAxis: { type: "value" },
      series: series.map((s) => ({ ...s, type: "bar", stack: "total" })),
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [categories, series]);
  return <div ref={el} role="img" aria-label={label} style={{ height: 300 }} />;
}
