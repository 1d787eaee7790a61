/** Vietnamese texts of the blood feature's clubs pages. */
export const viBloodClubs = {
  title: '',
};
