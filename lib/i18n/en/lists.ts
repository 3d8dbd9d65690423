/** Lists (routes/lists, components/ListFields.tsx): the overview, a list's timeline, its editor. */
export const lists = {
  title: "Lists",
  yourLists: "Your lists",
  exclusive: "Exclusive",
  edit: "Edit",
  empty: "No lists yet. A list is a timeline of some of the people you follow.",
  newList: "New list",
  createList: "Create list",
  titleLabel: "Title",
  showReplies: "Show replies",
  repliesList: "Replies to members of the list",
  repliesFollowed: "Replies to anyone you follow",
  repliesNone: "No replies",
  exclusiveLabel: "Hide these posts from Home (an exclusive list)",
  editList: "Edit list",
  /** The editor's page title. */
  editListNamed: (title: string) => `Edit list ${title}`,
  timelineEmpty:
    "Nothing here yet. Add people you follow to this list to see their posts.",
  openList: "Open the list",
  created: "List created. Add people you follow to it below.",
  saved: "List saved.",
  added: "Added to the list.",
  removed: "Removed from the list.",
  settings: "Settings",
  saveList: "Save list",
  members: "Members",
  noMembers: "No one is in this list yet.",
  addPeople: "Add people you follow",
  everyoneIsIn: "Everyone you follow is in this list.",
  add: "Add",
  remove: "Remove",
  deleteTitle: "Delete this list",
  deleteDetail: "Its members stay followed; only the list goes.",
  deleteList: "Delete list",
};

export type ListsMessages = typeof lists;
