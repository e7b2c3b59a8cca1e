import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../lib/api-client.js";
import type { PriceIndex, PriceIndexRow, UnitPrice, UnitPriceInput } from "./price-catalogue-types.js";

export const priceCatalogueKeys = {
  all: ["price-catalogue"] as const,
  prices: (organisationId: string | undefined, q: string | undefined) =>
    [...priceCatalogueKeys.all, "prices", organisationId ?? "", q ?? ""] as const,
  index: (organisationId: string | undefined) =>
    [...priceCatalogueKeys.all, "index", organisationId ?? ""] as const,
};

/** GET /api/unit-prices: the national catalogue and the organisation's own prices. */
export function useUnitPrices(organisationId: string | undefined, q?: string) {
  return useQuery({
    queryKey: priceCatalogueKeys.prices(organisationId, q),
    queryFn: ({ signal }) =>
      api.get<{ items: UnitPrice[] }>("/unit-prices", { signal, query: { organisationId, q } }),
    placeholderData: keepPreviousData,
  });
}

/** POST /api/unit-prices (an organisation's own price). */
export function useCreateUnitPrice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UnitPriceInput) => api.post<UnitPrice>("/unit-prices", input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: priceCatalogueKeys.all }),
  });
}

/** PATCH /api/unit-prices/:id with the version that was read (409 STALE_VERSION when it changed). */
export function useUpdateUnitPrice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: Partial<UnitPriceInput> & { version: number } }) =>
      api.patch<UnitPrice>(`/unit-prices/${encodeURIComponent(id)}`, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: priceCatalogueKeys.all }),
  });
}

/** GET /api/price-index?organisationId: the organisation's net price index (rows by year). */
export function usePriceIndex(organisationId: string | undefined) {
  return useQuery({
    queryKey: priceCatalogueKeys.index(organisationId),
    queryFn: ({ signal }) => api.get<PriceIndex>("/price-index", { signal, query: { organisationId } }),
  });
}

/** PUT /api/price-index: replaces the organisation's index rows. */
export function useSavePriceIndex() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { organisationId: string; rows: PriceIndexRow[] }) =>
      api.put<PriceIndex>("/price-index", input),
    onSuccess: (index, input) => {
      queryClient.setQueryData(priceCatalogueKeys.index(input.organisationId), index);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: priceCatalogueKeys.all }),
  });
}
