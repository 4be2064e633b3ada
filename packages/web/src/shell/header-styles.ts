import { makeStyles, tokens } from '@fluentui/react-components';

/** Buttons drawn on the brand-coloured header: white text, brand hover/pressed shades. */
export const useHeaderStyles = makeStyles({
  button: {
    color: tokens.colorNeutralForegroundOnBrand,
    minWidth: 0,
    ':hover': {
      color: tokens.colorNeutralForegroundOnBrand,
      backgroundColor: tokens.colorBrandBackgroundHover,
    },
    ':hover:active': {
      color: tokens.colorNeutralForegroundOnBrand,
      backgroundColor: tokens.colorBrandBackgroundPressed,
    },
    '&[aria-expanded="true"]': {
      backgroundColor: tokens.colorBrandBackgroundPressed,
    },
  },
});
