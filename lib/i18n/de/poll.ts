import type { PollMessages } from "../en/poll.ts";

export const poll: PollMessages = {
  votersOne: "{count} Person hat abgestimmt",
  votersMany: "{count} Personen haben abgestimmt",
  endsIn: "Endet {time}",
  closed: "Beendet {time}",
  noEndDate: "Kein Enddatum",
  multipleChoice: "Mehrfachauswahl",
  chooseOne: "Wähle eine Option",
  chooseSeveral: "Wähle eine oder mehrere Optionen",
  vote: "Abstimmen",
  voting: "Abstimmung läuft …",
  results: "Umfrageergebnisse",
  yourVote: "Deine Stimme",
  votesOne: "{count} Stimme",
  votesMany: "{count} Stimmen",
  totalsHidden: "Die Ergebnisse sind bis zum Ende der Umfrage verborgen.",
};
