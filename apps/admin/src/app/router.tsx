import { createBrowserRouter, Navigate } from 'react-router';
import { FullPageSpinner } from '../components/ui/FullPageSpinner';
import { HomeRedirect } from '../features/sites/HomeRedirect';
import { SiteIndexRedirect, SiteLayout } from '../features/sites/SiteLayout';
import { basePath } from '../lib/config';
import { AdminOnly, Protected, PublicOnly } from './guards';
import { NotFound } from './NotFound';
import { RouteError } from './RouteError';

/**
 * The URL structure (other parts of SWIGS link to it: password-reset emails, the public-site
 * preview): /login, /forgot-password, /reset-password?token=…, /sites/:siteId/<section>,
 * /users, /users/:userId, /profile, /sites/new, /journal, /system — all under /admin.
 * Every screen but the shell is a lazily loaded chunk.
 */
export const router = createBrowserRouter(
  [
    {
      errorElement: <RouteError />,
      // Shown while the first screen's lazy chunk loads.
      hydrateFallbackElement: <FullPageSpinner />,
      children: [
        {
          element: <PublicOnly />,
          children: [
            {
              path: 'login',
              lazy: () => import('../features/auth/LoginPage').then((m) => ({ Component: m.LoginPage })),
            },
            {
              path: 'forgot-password',
              lazy: () =>
                import('../features/auth/ForgotPasswordPage').then((m) => ({
                  Component: m.ForgotPasswordPage,
                })),
            },
            {
              path: 'reset-password',
              lazy: () =>
                import('../features/auth/ResetPasswordPage').then((m) => ({
                  Component: m.ResetPasswordPage,
                })),
            },
          ],
        },
        {
          element: <Protected />,
          children: [
            {
              errorElement: <RouteError />,
              children: [
                { index: true, element: <HomeRedirect /> },
                {
                  path: 'profile',
                  lazy: () =>
                    import('../features/profile/ProfilePage').then((m) => ({ Component: m.ProfilePage })),
                },
                {
                  element: <AdminOnly />,
                  children: [
                    {
                      path: 'users',
                      lazy: () =>
                        import('../features/users/UserList').then((m) => ({ Component: m.UserList })),
                    },
                    {
                      path: 'users/new',
                      lazy: () =>
                        import('../features/users/UserForm').then((m) => ({ Component: m.NewUserPage })),
                    },
                    {
                      path: 'users/:userId',
                      lazy: () =>
                        import('../features/users/UserForm').then((m) => ({ Component: m.EditUserPage })),
                    },
                    {
                      path: 'sites/new',
                      lazy: () =>
                        import('../features/sites/NewSitePage').then((m) => ({ Component: m.NewSitePage })),
                    },
                    {
                      path: 'journal',
                      lazy: () =>
                        import('../features/journal/JournalPage').then((m) => ({ Component: m.JournalPage })),
                    },
                    {
                      path: 'system',
                      lazy: () =>
                        import('../features/system/SystemPage').then((m) => ({ Component: m.SystemPage })),
                    },
                  ],
                },
                {
                  path: 'sites/:siteId',
                  element: <SiteLayout />,
                  children: [
                    { index: true, element: <SiteIndexRedirect /> },
                    {
                      path: 'dashboard',
                      lazy: () =>
                        import('../features/dashboard/DashboardPage').then((m) => ({
                          Component: m.DashboardPage,
                        })),
                    },
                    {
                      path: 'courses',
                      lazy: () =>
                        import('../features/courses/CourseList').then((m) => ({ Component: m.CourseList })),
                    },
                    {
                      path: 'courses/new',
                      lazy: () =>
                        import('../features/courses/CourseForm').then((m) => ({
                          Component: m.NewCoursePage,
                        })),
                    },
                    {
                      path: 'courses/:courseId',
                      lazy: () =>
                        import('../features/courses/CourseForm').then((m) => ({
                          Component: m.EditCoursePage,
                        })),
                    },
                    {
                      path: 'media',
                      lazy: () =>
                        import('../features/media/MediaLibraryPage').then((m) => ({
                          Component: m.MediaLibraryPage,
                        })),
                    },
                    {
                      path: 'contacts',
                      lazy: () =>
                        import('../features/contacts/ContactList').then((m) => ({
                          Component: m.ContactList,
                        })),
                    },
                    {
                      path: 'contacts/:contactId',
                      lazy: () =>
                        import('../features/contacts/ContactDetail').then((m) => ({
                          Component: m.ContactDetail,
                        })),
                    },
                    {
                      path: 'texts',
                      lazy: () =>
                        import('../features/texts/TextsPage').then((m) => ({ Component: m.TextsPage })),
                    },
                    {
                      path: 'seo',
                      lazy: () => import('../features/seo/SeoPage').then((m) => ({ Component: m.SeoPage })),
                    },
                    {
                      path: 'settings',
                      lazy: () =>
                        import('../features/sites/SiteSettingsPage').then((m) => ({
                          Component: m.SiteSettingsPage,
                        })),
                    },
                  ],
                },
                { path: 'sites', element: <Navigate to="/" replace /> },
                { path: '*', element: <NotFound /> },
              ],
            },
          ],
        },
      ],
    },
  ],
  { basename: basePath || '/' },
);
