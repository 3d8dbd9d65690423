/**
 * Writing and changing a post: the compose box (islands/ComposeBox.tsx with
 * components/ComposeMedia.tsx, ComposePoll.tsx, EmojiPicker.tsx, FocalPoint.tsx), the compose
 * page (routes/compose.tsx), the edit page and the delete-or-redraft page. Strings only: the
 * compose box is an island and gets them as a prop. `{…}` marks what `fill()` puts in.
 */
export const compose = {
  /**
   * The compose box (islands/ComposeBox.tsx and the components it renders): it travels to the
   * island as its `labels` prop, so only these strings go into the page.
   */
  box: {
    // The audience menu.
    /** The audience menu's name (read out, not shown). */
    visibilityLabel: "Who can see this post",
    visibilityPublic: "Public",
    visibilityUnlisted: "Unlisted (not in public timelines)",
    visibilityPrivate: "Followers only",
    visibilityDirect: "Mentioned people only",
    // The post's language menu (only on the compose page).
    /** The language menu's name (read out, not shown). */
    languageLabel: "Language of the post",
    // Posting later (only on the compose page).
    /** The optional date and time field's label. */
    scheduleLabel: "Post at (optional)",
    /** Beside that field when JavaScript is off: the browser's time zone is unknown then. */
    scheduleUtcNote: "Without JavaScript this time is read as UTC.",
    /** After scheduling with JavaScript; `{time}` is the date and time in the reader's zone. */
    scheduled: "Scheduled for {time}.",

    // The text and its content warning.
    contentWarning: "Content warning",
    contentWarningText: "Content warning text",
    contentWarningPlaceholder: "Write your warning here",
    textLabel: "What's on your mind?",
    textPlaceholder: "What's on your mind?",
    replyLabel: "Your reply",
    replyPlaceholder: "Write your reply",
    /** Read out with the counter. `{count}` may be negative. */
    charactersLeft: "{count} characters left",
    post: "Post",
    reply: "Reply",
    posting: "Posting…",
    posted: "Posted.",
    draftRestored: "Your unsent draft is back.",
    /** `{name}`: the file's name; `{reason}`: the server's answer. */
    attachFailed: "“{name}” can't be attached: {reason}",

    // Images.
    attachImages: "Attach images",
    addImages: "Add images",
    imagesToAttach: "Images to attach",
    /** `{max}` */
    upToImages: "Up to {max} images",
    /** `{max}` */
    imagesFull: "{max} images attached (the most)",
    /** A field's label: `{n}` is the image's position. */
    image: "Image {n}",
    /** An image named inside a sentence (the focal point's labels). */
    imageInSentence: "image {n}",
    altTextFor: "Alt text for image {n}",
    altTextPlaceholder: "Describe it for people who can't see it",
    removeImage: "Remove image {n}",
    /** `{image}`: "image 1". */
    focalPointOf: "Focal point of {image}",
    setFocalPointOf: "Set the focal point of {image}",
    focalPointClick: "Click the picture where it matters most, or type it:",
    focalPointHelp:
      "−1 to 1, from the left and from the bottom; 0 is the centre.",
    focalPointAcross: "Across",
    focalPointUp: "Up",

    // The poll.
    addPoll: "Add a poll",
    poll: "Poll",
    pollOption: "Option {n}",
    removePollOption: "Remove",
    /** Read out after "Remove". */
    removedPollOption: "option {n}",
    addPollOption: "Add option",
    pollLength: "Poll length",
    pollMultiple: "Allow several choices",
    pollHideTotals: "Hide vote counts until the poll ends",

    // Custom emoji.
    customEmoji: "Custom emoji",
    /** The group of emoji without a category. */
    customEmojiUncategorised: "Custom",
  },

  // The compose page.
  newPost: "New post",
  /** After scheduling without JavaScript; `{time}` is the date and time in UTC. */
  scheduledNotice: "Your post is scheduled for {time} UTC.",
  /** Without JavaScript the form cannot hold images for later (they are uploaded on posting). */
  scheduleWithoutImages:
    "Without JavaScript, a post for later can't have images yet. Nothing was posted.",
  /** `{link}` becomes a link named `movedLink`. */
  moved:
    "This account has moved to another account and can no longer post (see {link}).",
  movedLink: "Move to another account",
  tooManyUploads:
    "You've uploaded many images in the last half hour. Nothing was posted; please try again later.",
  /** `{size}`: megabytes. */
  imagesTooLarge:
    "Your images are too large together (at most {size} MB each).",
  chooseImagesAgain: "Nothing was posted. Please choose your images again.",

  // The edit page.
  editPost: "Edit post",
  contentWarningOptional: "Content warning (optional)",
  text: "Text",
  altText: "Description (alt text)",
  focalPointAcrossRange: "Focal point, across (−1 left to 1 right)",
  focalPointDownRange: "Focal point, down (1 top to −1 bottom)",
  saveChanges: "Save changes",
  cancel: "Cancel",

  // Delete, or delete and redraft.
  deleteTitle: "Delete post?",
  deleteQuestion: "Delete this post?",
  deleteExplained:
    "Deleting removes it here and asks other servers to remove it. “Delete and redraft” opens it in the compose page first; boosts and favourites are lost, and images must be attached again.",
  delete: "Delete",
  deleteAndRedraft: "Delete and redraft",
};

export type ComposeMessages = typeof compose;
