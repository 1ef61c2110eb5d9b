import { useEffect, useState, type KeyboardEvent, type RefObject } from 'react';

interface SearchBoxProps {
  query: string;
  inputRef: RefObject<HTMLInputElement | null>;
  onSearch(query: string): void;
  /** Arrow down from the box moves into the results. */
  onArrowDown(): void;
}

export function SearchBox({ query, inputRef, onSearch, onArrowDown }: SearchBoxProps) {
  const [draft, setDraft] = useState(query);
  // A new route (back button, a shared link) replaces what was typed.
  useEffect(() => setDraft(query), [query]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      onArrowDown();
    }
  };

  return (
    <form
      className="search-box"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        if (draft.trim()) onSearch(draft.trim());
      }}
    >
      <label htmlFor="search-query" className="visually-hidden">
        Search the documents
      </label>
      <input
        id="search-query"
        ref={inputRef}
        type="search"
        value={draft}
        placeholder='Search: words, "phrases", AND / OR / NOT, prefix*'
        autoComplete="off"
        spellCheck={false}
        autoFocus={!query}
        aria-describedby="search-help"
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <button type="submit">Search</button>
      <p id="search-help" className="help">
        Press <kbd>/</kbd> to search, <kbd>↓</kbd> <kbd>↑</kbd> to move through results,{' '}
        <kbd>Enter</kbd> to open one. Accents are optional: <em>Juarez</em> finds <em>Juárez</em>.
      </p>
    </form>
  );
}
