/** Vietnamese texts of the volunteer feature's self pages. */
export const viVolunteerSelf = {
  title: '',
};
