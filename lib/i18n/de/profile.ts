import type { ProfileMessages } from "../en/profile.ts";
import { counter } from "../count.ts";

const { format } = counter("de");

export const profile: ProfileMessages = {
  movedTo: (name) => `${name} ist umgezogen nach`,
  unblock: "Blockierung aufheben",
  editProfile: "Profil bearbeiten",
  follow: "Folgen",
  approvesFollowers: "Bestätigt Follower",
  followsYou: "Folgt dir",
  blocked: "Blockiert",
  muted: "Stummgeschaltet",
  blocksYou: "Blockiert dich",
  number: format,
  postsNoun: (n) => n === 1 ? "Beitrag" : "Beiträge",
  followingNoun: () => "Folgende",
  followersNoun: () => "Follower",
  joined: (date) => `Registriert am ${date}`,
  remoteNote:
    "Dieses Konto ist auf einem anderen Server; die Zahlen sind womöglich unvollständig.",
  seeOriginal: "Ursprüngliches Profil ansehen",
  sections: "Profilbereiche",
  tabPosts: "Beiträge",
  tabWithReplies: "Beiträge und Antworten",
  tabMedia: "Medien",
  tabFollowers: "Follower",
  tabFollowing: "Folgende",
  postsBy: (name) => `Beiträge von ${name}`,
  postsTaggedBy: (name, tag) => `Beiträge von ${name} mit #${tag}`,
  mediaBy: (name) => `Medien von ${name}`,
  postsAndRepliesBy: (name) => `Beiträge und Antworten von ${name}`,
  followersOf: (name) => `Follower von ${name}`,
  followedBy: (name) => `Profile, denen ${name} folgt`,
  blockedPostsHidden:
    "Du hast dieses Konto blockiert, deshalb sind seine Beiträge ausgeblendet.",
  noPostsTagged: (tag) => `Noch keine Beiträge mit #${tag}.`,
  noMedia: "Noch keine Beiträge mit Bildern.",
  noPosts: "Noch keine Beiträge.",
  noFollowers: "Noch keine Follower.",
  notFollowing: "Folgt noch niemandem.",
  more: "Mehr",
  back: "Zurück",
  notKnownHere: (acct) =>
    `@${acct} ist auf diesem Server noch nicht bekannt. Melde dich an, um das Konto auf seinem eigenen Server nachzuschlagen.`,
  notFound: (acct) =>
    `@${acct} wurde nicht gefunden. Prüfe die Adresse oder versuche es später noch einmal, falls sein Server nicht erreichbar ist.`,
  bot: "Bot",
  botTitle: "Automatisiertes Konto",
};
