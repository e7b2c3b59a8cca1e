import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../i18n/i18n.js";
import { useChangeLanguage } from "./use-change-language.js";

/** One button that offers the other language, named in that language ("English" / "Dansk"). */
export function LanguageToggle() {
  const { t } = useTranslation();
  const changeLanguage = useChangeLanguage();
  const other = currentLanguage() === "da" ? "en" : "da";
  return (
    <Button
      variant="subtle"
      size="sm"
      lang={other}
      loading={changeLanguage.isPending}
      onClick={() => changeLanguage.mutate(other)}
    >
      {t(other === "da" ? "language.da" : "language.en")}
    </Button>
  );
}
