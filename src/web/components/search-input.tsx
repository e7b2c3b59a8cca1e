import { TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useRouter } from "@tanstack/react-router";
import { useState } from "react";

interface SearchInputProps {
  label: string;
  value: string;
  onSearch: (q: string) => void;
  description?: string;
}

/** A search field that filters as you type (300 ms after the last key). */
export function SearchInput({ label, value, onSearch, description }: SearchInputProps) {
  const router = useRouter();
  const [text, setText] = useState(value);
  const search = useDebouncedCallback((q: string, typedOn: string) => {
    // A user who types and at once follows a link (a result already on screen) has left before the
    // pause ends; the old page stays mounted while the next one loads, and a search now would take
    // them back to the list.
    if (router.state.location.pathname !== typedOn) return;
    onSearch(q.trim());
  }, 300);
  return (
    <TextInput
      type="search"
      label={label}
      description={description}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        search(event.currentTarget.value, router.state.location.pathname);
      }}
      style={{ flex: "1 1 280px", maxWidth: 420 }}
    />
  );
}
