import type { Language } from '../../../../shared/model';
import codes from '../../../../resources/codes/municipalities.json';

interface Municipality {
  code: string;
  fi: string;
  sv?: string;
  en?: string;
  region?: string;
  county?: string;
}

const byCode = new Map((codes as { items: Municipality[] }).items.map((m) => [m.code, m]));

/** The region and wellbeing-county codes a municipality belongs to (services name areas by any of these). */
export function areaCodesOf(municipality: string): string[] {
  const m = byCode.get(municipality);
  return m ? ([m.region, m.county].filter(Boolean) as string[]) : [];
}

/** "Oulu (564)", in the UI language where the code list has it. */
export function municipalityLabel(code: string, lang: Language): string {
  const m = byCode.get(code);
  return m ? `${m[lang] ?? m.fi} (${code})` : code;
}

export function isMunicipality(code: string): boolean {
  return byCode.has(code);
}
