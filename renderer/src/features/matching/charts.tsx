import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/** Long persona names are cut on the axis; the tooltip and the tables beside each chart give them whole. */
const short = (s: string) => (s.length > 40 ? `${s.slice(0, 38)}…` : s);
const pct = (v: unknown) => `${typeof v === 'number' ? Math.round(v) : String(v)} %`;

const ACCENT = '#0b5cad';
const BEFORE = '#8a99ab';

/** Share of each persona's needs covered, as horizontal bars (0–100 %). */
export function CoverageChart({ data, label }: { data: { name: string; value: number }[]; label: string }) {
  return (
    <ResponsiveContainer width="100%" height={60 + 34 * data.length}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 4 }}>
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" domain={[0, 100]} tickFormatter={pct} />
        <YAxis type="category" dataKey="name" width={270} tick={{ fontSize: 12 }} tickFormatter={short} />
        <Tooltip formatter={(v) => pct(v)} />
        <Bar dataKey="value" name={label} fill={ACCENT} barSize={18} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Each persona's coverage in two runs side by side. */
export function ChangeChart({ data, before, after }: { data: { name: string; before: number | null; after: number | null }[]; before: string; after: string }) {
  return (
    <ResponsiveContainer width="100%" height={80 + 44 * data.length}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 4 }}>
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" domain={[0, 100]} tickFormatter={pct} />
        <YAxis type="category" dataKey="name" width={270} tick={{ fontSize: 12 }} tickFormatter={short} />
        <Tooltip formatter={(v) => pct(v)} />
        <Legend />
        <Bar dataKey="before" name={before} fill={BEFORE} barSize={14} isAnimationActive={false} />
        <Bar dataKey="after" name={after} fill={ACCENT} barSize={14} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
