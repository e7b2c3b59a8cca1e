import { useMutation } from "@tanstack/react-query";
import { api } from "../../lib/api-client.js";

export interface TwoFactorSetup {
  secret: string;
  otpauthUri: string;
  qrCodeDataUrl: string;
}

/** POST /api/me/two-factor/setup: a new secret and its QR code (not active until confirmed). */
export function useStartTwoFactorSetup() {
  return useMutation({ mutationFn: () => api.post<TwoFactorSetup>("/me/two-factor/setup") });
}

/** POST /api/me/two-factor/enable: confirms with a code; answers the recovery codes, once. */
export function useEnableTwoFactor() {
  return useMutation({
    mutationFn: (code: string) => api.post<{ recoveryCodes: string[] }>("/me/two-factor/enable", { code }),
  });
}

/** POST /api/me/two-factor/disable (refused when the organisation requires two-factor). */
export function useDisableTwoFactor() {
  return useMutation({ mutationFn: (code: string) => api.post<unknown>("/me/two-factor/disable", { code }) });
}
