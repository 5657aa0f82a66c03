import { useEffect, useState } from 'react';
import { texts } from '../../../texts';
import { formatPopulation } from './invitationWords';
import { searchKey, useKnownMunicipalities, type KnownMunicipality } from './invitationsApi';

const t = texts.console.invitations.form.agsHelp;

/** Matches shown at most; a longer name narrows them. */
const MAX_MATCHES = 8;

/**
 * Helps the office find the Amtlicher Gemeindeschlüssel from the municipality's name: the
 * municipalities the club knows from earlier appointments that match the name typed so far, each
 * to take over with one button, and where to look up a key the club does not know yet.
 */
export function AgsHelp({
  name,
  taken,
  onTake,
}: {
  /** The municipality's name as typed in the form. */
  readonly name: string;
  /** The name of the municipality just taken over, announced once. */
  readonly taken: string | undefined;
  readonly onTake: (municipality: KnownMunicipality) => void;
}) {
  // Asks once the typing pauses, not at every letter.
  const [typed, setTyped] = useState(name);
  useEffect(() => {
    const timer = setTimeout(() => setTyped(name), 300);
    return () => clearTimeout(timer);
  }, [name]);
  const searching = searchKey(typed).length >= 2;
  const known = useKnownMunicipalities(typed);
  const matches = known.data ?? [];
  let result;
  if (!searching) result = <p>{t.intro}</p>;
  else if (known.isPending) result = <p>{t.searching}</p>;
  else if (known.isError) result = <p>{t.failed}</p>;
  else if (matches.length === 0) result = <p>{t.none(typed.trim())}</p>;
  else {
    result = (
      <>
        <p>{t.matches(matches.length)}</p>
        <ul className="ags-help-list">
          {matches.slice(0, MAX_MATCHES).map((municipality) => (
            <li key={municipality.ags}>
              <span>
                <strong>{municipality.name}</strong>
                {' – '}
                {t.entry(
                  municipality.ags,
                  formatPopulation(municipality.population),
                  texts.common.federalStates[municipality.federalState],
                )}
              </span>
              <button
                type="button"
                className="button button-secondary"
                aria-label={t.takeLabel(municipality.name, municipality.ags)}
                onClick={() => onTake(municipality)}
              >
                {t.take}
              </button>
            </li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <div className="ags-help">
      <h3>{t.heading}</h3>
      <div aria-live="polite">{result}</div>
      <p role="status" className="ags-help-taken">
        {taken ? t.taken(taken) : null}
      </p>
      <p className="field-hint">{t.where}</p>
    </div>
  );
}
