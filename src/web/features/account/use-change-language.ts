import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Me } from "../../../contracts/auth.js";
import { i18n, type Language } from "../../i18n/i18n.js";
import { api } from "../../lib/api-client.js";
import { ME_QUERY_KEY } from "../../lib/use-me.js";

/**
 * Switches the interface language. Signed in, the choice is saved on the user (PATCH /api/me) so that
 * it follows them to the next session; on the login page it only changes this tab.
 */
export function useChangeLanguage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (language: Language) => {
      const me = queryClient.getQueryData<Me | null>(ME_QUERY_KEY);
      if (me) await api.patch("/me", { locale: language });
      return language;
    },
    onSuccess: async (language) => {
      await i18n.changeLanguage(language);
      queryClient.setQueryData<Me | null>(ME_QUERY_KEY, (me) =>
        me ? { ...me, user: { ...me.user, locale: language } } : me,
      );
    },
  });
}
