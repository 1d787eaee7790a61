/** Vietnamese texts of the blood feature's drives pages. */
export const viBloodDrives = {
  title: '',
};
