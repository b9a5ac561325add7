// STUB: replaced by the screen's real implementation in this session; never committed as a screen.
export function SubsidyPage() {
  return null;
}
