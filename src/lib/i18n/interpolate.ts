/** `{name}` placeholders filled from `vars`; unknown names stay as written. Shared by pages and scripts. */
export function interpolate(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
