/** Direct messages (routes/conversations). */
export const conversations = {
  title: "Direct messages",
  newMessage: "New message",
  conversations: "Conversations",
  /** Read after each button's word, for screen readers: "Open the conversation with …". */
  theConversationWith: (people: string) => ` the conversation with ${people}`,
  unread: "Unread",
  /** The heading of one conversation. */
  with: (people: string) => `With ${people}`,
  open: "Open",
  markRead: "Mark read",
  remove: "Remove",
  empty:
    "No direct messages yet. A post whose visibility is “Mentioned people only” starts one.",
  more: "More conversations",
  newer: "Newer conversations",
  older: "Older conversations",
  /** A form posted with an action the page doesn't offer. */
  unknownAction: "Unknown action.",
};

export type ConversationsMessages = typeof conversations;
