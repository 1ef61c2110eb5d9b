/** Plain-language meaning of each half of an Admiralty code, for the badge's tooltip. */
const RELIABILITY: Record<string, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};
const CREDIBILITY: Record<string, string> = {
  '1': 'confirmed by other sources',
  '2': 'probably true',
  '3': 'possibly true',
  '4': 'doubtful',
  '5': 'improbable',
  '6': 'truth cannot be judged',
};

export function describeCode(code: string): string {
  const [reliability = '', credibility = ''] = [code.slice(0, 1), code.slice(1)];
  return `Source ${RELIABILITY[reliability] ?? '?'}; information ${CREDIBILITY[credibility] ?? '?'}`;
}

/** An Admiralty code ("B2"), coloured by how much it can be trusted, explained on hover. */
export function AdmiraltyBadge({
  code,
  overridden = false,
}: {
  code: string;
  overridden?: boolean;
}) {
  const tone = /^[AB][12]$/.test(code) ? 'good' : /^[EF]|[56]$/.test(code) ? 'weak' : 'fair';
  return (
    <span
      className={`admiralty admiralty-${tone}`}
      title={`${describeCode(code)}${overridden ? ' (set by an analyst)' : ''}`}
      data-code={code}
    >
      {code}
      {overridden && (
        <span className="admiralty-mark" aria-label="set by an analyst">
          ✎
        </span>
      )}
    </span>
  );
}
