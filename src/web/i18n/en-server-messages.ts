/**
 * English for the Danish sentences the API and the shared zod schemas (src/contracts) answer with,
 * keyed by the Danish text. A sentence missing here is shown in Danish (see translate-server-message).
 */
export const enServerMessages: Record<string, string> = {
  // src/contracts
  "Navnet skal have mindst 2 tegn": "The name must have at least 2 characters",
  "Navnet må højst have 200 tegn": "The name may have at most 200 characters",
  "Vælg en type": "Choose a type",
  "Koden må kun indeholde små bogstaver, tal og bindestreg":
    "The code may only contain lower-case letters, digits and hyphens",
  "Mindst 1 familie": "At least 1 family",
  "Et projekt har mindst ét spor": "A project has at least one track",
  "Slutdatoen skal ligge efter startdatoen": "The end date must be after the start date",
  "Slutdatoen skal ligge efter startdatoen.": "The end date must be after the start date.",
  "Skriv en gyldig e-mailadresse": "Enter a valid e-mail address",
  "Giv brugeren mindst én rolle": "Give the user at least one role",
  "Skriv din e-mailadresse": "Enter your e-mail address",
  "Skriv din adgangskode": "Enter your password",
  "Koden består af 6 cifre": "The code has 6 digits",
  "Ugyldigt id": "Choose one of the options",
  "Datoen skal være en gyldig dato (ÅÅÅÅ-MM-DD)": "Enter a valid date",
  "Skriv hvorfor kontrakten ændres": "Write why the contract is being changed",
  // The API
  "Nogle felter er ikke udfyldt korrekt.": "Some fields are not filled in correctly.",
  "E-mail eller adgangskode er forkert.": "The e-mail or password is wrong.",
  "Skriv koden fra din godkendelses-app for at logge ind.":
    "Enter the code from your authenticator app to log in.",
  "Koden er forkert eller udløbet.": "The code is wrong or has expired.",
  "Koden er forkert eller udløbet. Prøv den nyeste kode.":
    "The code is wrong or has expired. Try the newest code.",
  "Gendannelseskoden er forkert eller brugt.": "The recovery code is wrong or has been used.",
  "Den nuværende adgangskode er forkert.": "The current password is wrong.",
  "Din organisation kræver totrinsbekræftelse, så den kan ikke slås fra.":
    "Your organisation requires two-factor authentication, so it cannot be turned off.",
  "Totrinsbekræftelse er allerede slået til.": "Two-factor authentication is already on.",
  "Totrinsbekræftelse er ikke slået til.": "Two-factor authentication is not on.",
  "Start opsætningen først.": "Start the set-up first.",
  "Nogen har ændret dette i mellemtiden. Hent siden igen og prøv på ny.":
    "Someone has changed this in the meantime. Reload the page and try again.",
  "Der findes allerede en bruger med den e-mailadresse.": "A user with that e-mail address already exists.",
  "Der findes allerede en organisation med det navn.": "An organisation with that name already exists.",
  "Den sidste platformadministrator kan ikke miste rollen.":
    "The last platform administrator cannot lose the role.",
  "Du kan ikke deaktivere dig selv.": "You cannot deactivate yourself.",
  "En eller flere roller passer ikke til organisationen.": "One or more roles do not fit the organisation.",
  "Rollen findes ikke i denne type organisation": "The role does not exist in this type of organisation",
  "Organisationen findes ikke": "The organisation does not exist",
  "Et projekt ejes af en kommune.": "A project is owned by a municipality.",
  "Projektets parter er ikke i orden.": "The project's parties are not in order.",
  "To spor har samme kode.": "Two tracks have the same code.",
  "Din rolle giver ikke adgang til dette.": "Your role does not give access to this.",
  "Du har ikke adgang til at gøre dette.": "You are not allowed to do this.",
  "Din bruger findes ikke længere.": "Your user no longer exists.",
  "Sikkerhedstjekket fejlede. Genindlæs siden og prøv igen.":
    "The security check failed. Reload the page and try again.",
  "Forespørgslen kom fra et andet website og blev afvist.":
    "The request came from another website and was refused.",
  "Siden findes ikke.": "The page does not exist.",
  "Siden eller posten findes ikke.": "The page or record does not exist.",
  "Medarbejderen har ingen egne grænser; kommunens standard gælder allerede.":
    "The worker has no limits of their own; the municipality's default already applies.",
  "Den nye version kan ikke gælde fra før den forrige.":
    "The new version cannot apply from before the previous one.",
  // Outcome contracts
  "Accepten kan ikke ligge før versionen blev lavet.":
    "The acceptance cannot be dated before the version was made.",
  "Datoerne passer ikke sammen.": "The dates do not fit together.",
  "Der er allerede en regulering af opgørelsen under behandling.":
    "An adjustment of the statement is already in progress.",
  "En regulering genberegnes ved at lave en ny regulering.":
    "An adjustment is recalculated by making a new adjustment.",
  "Kontrakten har ingen version.": "The contract has no version.",
  "Kontrakten henviser til en ukendt resultatregel.": "The contract refers to an unknown outcome rule.",
  "Kontrakten kan ikke gemmes: ret felterne nedenfor.":
    "The contract cannot be saved: correct the fields below.",
  "Kun en låst periodeopgørelse kan reguleres.": "Only a locked period statement can be adjusted.",
  "Opgørelsen er allerede valideret og godkendt af mindst én part.":
    "The statement has already been validated and approved by at least one party.",
  "Organisationen er ikke part i kontrakten.": "The organisation is not a party to the contract.",
  "Ukendte felter i INDIGO-eksporten.": "Unknown fields in the INDIGO export.",
};
