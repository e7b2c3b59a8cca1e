import { useCallback, useState } from "react";
import { translateServerMessage } from "../i18n/translate-server-message.js";
import { isApiError } from "./api-error.js";

/**
 * Saves a record that carries a version. A stale save (409 STALE_VERSION: someone saved meanwhile)
 * is not thrown: the server's message is kept to show, the record is reloaded, and `run` answers
 * false. Other errors are thrown as they are.
 */
export function useVersionedSave() {
  const [staleMessage, setStaleMessage] = useState<string | null>(null);
  const run = useCallback(
    async (write: () => Promise<unknown>, reload: () => Promise<unknown>): Promise<boolean> => {
      setStaleMessage(null);
      try {
        await write();
        return true;
      } catch (error) {
        if (!isApiError(error, "STALE_VERSION")) throw error;
        setStaleMessage(translateServerMessage(error.message));
        await reload();
        return false;
      }
    },
    [],
  );
  return { staleMessage, run };
}
