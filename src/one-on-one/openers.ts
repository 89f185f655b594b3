// The bank of conversation openers the pack hands both people (PRODUCT.md §13): bundled, curated,
// professional and personal, and for both directions — the CEO opens up too. Written to be warm and
// direct and never intrusive: nothing about health, money or anyone's private life, only invitations
// that can be answered as deeply or as lightly as the person likes.
//
// The choice is deterministic: the nth meeting of the log (counting those held up to today) gets
// the nth set, one opener from each lane. Each lane holds 12 openers taken in turn (the "both" lane
// five at a time, 5 and 12 having no common factor, so it reaches every one), so an opener comes
// back only after 12 meetings; the same log on the same day gives the same pack, and the set each
// past meeting was shown can be worked out from its date.

export type OpenerKind = 'professional' | 'personal';
/** Who asks: the CEO the head of sales, the head of sales the CEO, or either of the other. */
export type OpenerDirection = 'ceo-to-hos' | 'hos-to-ceo' | 'both';

export interface Opener {
  id: string;
  kind: OpenerKind;
  direction: OpenerDirection;
  text: string;
}

const P = 'professional';
const H = 'personal';

/** The CEO asks the head of sales: professional first, then personal, in turn. */
const CEO_TO_HOS: readonly Omit<Opener, 'direction'>[] = [
  { id: 'more-of-less-of', kind: P, text: 'Which part of your job would you gladly do more of, and which would you hand off tomorrow?' },
  { id: 'energy', kind: H, text: 'How are you keeping your energy up these weeks, and is there anything that would help?' },
  { id: 'someone-surprised-you', kind: P, text: 'Who on your team surprised you lately, and have they heard it from you?' },
  { id: 'last-weekend', kind: H, text: 'What did you do last weekend that had nothing to do with work?' },
  { id: 'carrying-alone', kind: P, text: 'Where do you feel you are carrying something alone that I could carry with you?' },
  { id: 'looking-forward', kind: H, text: 'What are you looking forward to this month, outside the office?' },
  { id: 'what-i-make-harder', kind: P, text: 'What is one thing I do that makes your job harder? Tell me straight.' },
  { id: 'on-your-mind-outside', kind: H, text: 'What has been taking up your thinking outside work lately?' },
  { id: 'ceo-for-a-month', kind: P, text: 'If you ran the company for a month, what would you change first in how sales and the rest of us work together?' },
  { id: 'learning-for-yourself', kind: H, text: 'Are you learning or picking up something again, just for yourself?' },
  { id: 'decision-put-off', kind: P, text: 'Which decision are you putting off, and what would make it easier to take?' },
  { id: 'good-next-week', kind: H, text: 'What would make next week a good week for you?' },
];

/** The head of sales asks the CEO: personal first, then professional, in turn (so each pack mixes both). */
const HOS_TO_CEO: readonly Omit<Opener, 'direction'>[] = [
  { id: 'ceo-on-your-mind', kind: H, text: 'What has been on your mind outside work this week?' },
  { id: 'unsaid-worry', kind: P, text: 'What worries you most about the company right now that you have not said out loud?' },
  { id: 'recharges-you', kind: H, text: 'What recharges you when the quarter gets heavy?' },
  { id: 'board-hears', kind: P, text: 'What do you hear from the board or investors about sales that I should hear from you first?' },
  { id: 'early-years', kind: H, text: 'What from your first years in business do you think about more than you expected?' },
  { id: 'push-back-more', kind: P, text: 'Where would you like me to push back on you more?' },
  { id: 'recommend', kind: H, text: 'What are you reading, watching or listening to that you would recommend?' },
  { id: 'good-year', kind: P, text: 'What does a good year look like to you, beyond the number?' },
  { id: 'place-to-go-back', kind: H, text: 'Which place do you keep meaning to go back to?' },
  { id: 'least-close', kind: P, text: 'Which part of the company do you feel least close to at the moment?' },
  { id: 'the-pace', kind: H, text: 'How are you finding the pace these days, honestly?' },
  { id: 'disagreed-let-go', kind: P, text: 'Is there a decision of mine you disagreed with and let go? I would rather hear it.' },
];

/** Either asks the other, or both answer. */
const BOTH: readonly Omit<Opener, 'direction'>[] = [
  { id: 'better-than-expected', kind: P, text: 'What went better than expected since we last met, and why?' },
  { id: 'made-you-laugh', kind: H, text: 'What made you laugh this week?' },
  { id: 'stop-doing', kind: P, text: 'What is one thing each of us could stop doing that would give the other time back?' },
  { id: 'small-thing-next-month', kind: H, text: 'What small thing would make the next month better for you?' },
  { id: 'settled-or-moved-on', kind: P, text: 'Where did we disagree lately, and did we settle it or just move on?' },
  { id: 'quietly-proud', kind: H, text: 'What are you proud of lately that nobody at work knows about?' },
  { id: 'bad-quarter', kind: P, text: 'If a quarter went badly, what would we need from each other? Better said now than then.' },
  { id: 'a-year-from-now', kind: H, text: 'What do you want to be doing more of a year from now, at work or not?' },
  { id: 'deserves-attention', kind: P, text: 'Who in the company deserves more of our attention than they are getting?' },
  { id: 'noticed-on-the-way', kind: H, text: 'What did you notice on the way here today?' },
  { id: 'promises-kept', kind: P, text: 'What did we promise each other that we have not kept, and do we still mean it?' },
  { id: 'best-part-of-week', kind: H, text: 'What has been the best part of your week so far?' },
];

const lane = (openers: readonly Omit<Opener, 'direction'>[], direction: OpenerDirection): readonly Opener[] =>
  openers.map((opener) => ({ ...opener, direction }));

/** The lanes a pack takes one opener from each, and how far each moves from one meeting to the next. */
const LANES: readonly { openers: readonly Opener[]; step: number }[] = [
  { openers: lane(CEO_TO_HOS, 'ceo-to-hos'), step: 1 },
  { openers: lane(HOS_TO_CEO, 'hos-to-ceo'), step: 1 },
  { openers: lane(BOTH, 'both'), step: 5 },
];

/** Every opener, lane by lane. */
export const OPENERS: readonly Opener[] = LANES.flatMap((entry) => entry.openers);

/** The meetings in a row in which no opener is shown twice: the shortest lane's length. */
export const OPENERS_NOT_REPEATED_FOR = Math.min(...LANES.map((entry) => entry.openers.length));

/** The openers for the meeting with this place in the log (0: the first meeting ever). */
export function openersFor(meeting: number): Opener[] {
  return LANES.map(({ openers, step }) => openers[(meeting * step) % openers.length]!);
}
