import { TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useState } from "react";

interface SearchInputProps {
  label: string;
  value: string;
  onSearch: (q: string) => void;
  description?: string;
}

/** A search field that filters as you type (300 ms after the last key). */
export function SearchInput({ label, value, onSearch, description }: SearchInputProps) {
  const [text, setText] = useState(value);
  const search = useDebouncedCallback((q: string) => onSearch(q.trim()), 300);
  return (
    <TextInput
      type="search"
      label={label}
      description={description}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        search(event.currentTarget.value);
      }}
      style={{ flex: "1 1 280px", maxWidth: 420 }}
    />
  );
}
