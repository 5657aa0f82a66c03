/** What this service keeps of a member, to name them as a speaker (fed by ic.membership.v1). */
export interface MemberSpeaker {
  readonly memberId: string;
  /** With the academic title, e.g. "Dr. Anna Beispiel". */
  readonly name: string;
  readonly organisation: string;
  readonly active: boolean;
}
