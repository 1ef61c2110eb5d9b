import { useState, type FormEvent } from 'react';
import { claimsHref, navigate, type ClaimFilters } from '../router';

/** Shared-only switch and the entity the claims must be about; both live in the URL. */
export function ClaimFiltersForm({ filters }: { filters: ClaimFilters }) {
  const [about, setAbout] = useState(filters.about);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(claimsHref({ ...filters, about: about.trim(), offset: 0 }));
  };
  return (
    <form className="claim-filters" role="search" onSubmit={submit}>
      <label className="check">
        <input
          type="checkbox"
          checked={filters.shared}
          onChange={(e) =>
            navigate(claimsHref({ ...filters, shared: e.target.checked, offset: 0 }))
          }
        />
        Carried by several documents only
      </label>
      <label>
        <span className="visually-hidden">About an entity</span>
        <input
          type="search"
          value={about}
          placeholder="About a person, organisation or place"
          onChange={(e) => setAbout(e.target.value)}
        />
      </label>
      <button type="submit">Filter</button>
    </form>
  );
}
